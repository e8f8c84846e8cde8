package org.giscamel.emulator.iportal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The portal's registered services, in id order, with an index on (owner, address) that enforces iPortal's rule
 * that one user cannot register the same address twice. Writes are serialised; reads never block, so listing
 * stays cheap with many thousands of entries.
 */
public final class ServiceRegistry {

    private final Map<Integer, ServiceRegistration> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> byOwnerAndLinkage = new ConcurrentHashMap<>();
    private final Clock clock;
    private int lastId;

    ServiceRegistry(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores a registration, giving it the next id and the current time when they are 0.
     *
     * @throws DuplicateRegistrationException when its owner already registered its address
     * @throws IllegalArgumentException when its id is taken
     */
    public synchronized ServiceRegistration add(ServiceRegistration registration) {
        String key = key(registration.userName(), registration.linkPage());
        Integer existing = byOwnerAndLinkage.get(key);
        if (existing != null) {
            throw new DuplicateRegistrationException(existing);
        }
        if (byId.containsKey(registration.id())) {
            throw new IllegalArgumentException("Service id " + registration.id() + " is taken");
        }
        ServiceRegistration.Builder b = registration.toBuilder();
        int id = registration.id() > 0 ? registration.id() : lastId + 1;
        lastId = Math.max(lastId, id);
        long now = clock.millis();
        long created = registration.createTime() > 0 ? registration.createTime() : now;
        ServiceRegistration stored = b.id(id).createTime(created)
                .updateTime(registration.updateTime() > 0 ? registration.updateTime() : created).build();
        byId.put(id, stored);
        byOwnerAndLinkage.put(key, id);
        return stored;
    }

    /** All registrations in id order. */
    public List<ServiceRegistration> list() {
        return List.copyOf(byId.values());
    }

    Stream<ServiceRegistration> stream() {
        return byId.values().stream();
    }

    public int count() {
        return byId.size();
    }

    public Optional<ServiceRegistration> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every registration of this address, whoever owns it. */
    public List<ServiceRegistration> findByLinkage(String linkage) {
        return byId.values().stream().filter(r -> r.linkPage().equals(linkage)).toList();
    }

    public Optional<ServiceRegistration> findByLinkage(String owner, String linkage) {
        return Optional.ofNullable(byOwnerAndLinkage.get(key(owner, linkage))).map(byId::get);
    }

    /**
     * Applies an edit and stamps {@code updateTime}, e.g. {@code update(id, b -> b.offline(true))}; empty when
     * the id is unknown. The owner and the address cannot change.
     */
    public synchronized Optional<ServiceRegistration> update(int id, UnaryOperator<ServiceRegistration.Builder> edit) {
        ServiceRegistration current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        ServiceRegistration updated = edit.apply(current.toBuilder()).updateTime(clock.millis()).build();
        byId.put(id, updated);
        return Optional.of(updated);
    }

    public synchronized boolean remove(int id) {
        ServiceRegistration removed = byId.remove(id);
        if (removed != null) {
            byOwnerAndLinkage.remove(key(removed.userName(), removed.linkPage()));
        }
        return removed != null;
    }

    synchronized void removeAll(Collection<Integer> ids) {
        ids.forEach(this::remove);
    }

    public synchronized void clear() {
        byId.clear();
        byOwnerAndLinkage.clear();
    }

    private static String key(String owner, String linkage) {
        return owner + '\n' + linkage;
    }
}
