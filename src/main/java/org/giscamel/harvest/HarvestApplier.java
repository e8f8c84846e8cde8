package org.giscamel.harvest;

import org.giscamel.iportal.OwnedRegistration;
import org.giscamel.iportal.PortalServices;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.PermanentServerException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Makes a plan's writes on the portal, as many at a time as the pool has threads. Each write is retried while it
 * fails transiently; a write that still fails is recorded with its reason and the others go on.
 */
final class HarvestApplier {

    private final PortalServices portal;
    private final RegistrationDesign design;
    private final String marker;
    private final ItemRetry retry;
    private final ExecutorService pool;

    HarvestApplier(PortalServices portal, RegistrationDesign design, String marker, ItemRetry retry,
                   ExecutorService pool) {
        this.portal = portal;
        this.design = design;
        this.marker = marker;
        this.retry = retry;
        this.pool = pool;
    }

    /** One outcome per planned item, in plan order. */
    List<ItemOutcome> apply(HarvestPlan plan) {
        List<Future<ItemOutcome>> writes = new ArrayList<>();
        for (PlannedItem item : plan.items()) {
            writes.add(switch (item.action()) {
                case CREATE, UPDATE, DELETE -> pool.submit(() -> write(item));
                case UNCHANGED, KEEP -> CompletableFuture.completedFuture(
                        ItemOutcome.notApplied(item, ItemOutcome.Result.NONE));
            });
        }
        List<ItemOutcome> outcomes = new ArrayList<>(writes.size());
        for (Future<ItemOutcome> write : writes) {
            try {
                outcomes.add(write.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("A portal write failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                writes.forEach(w -> w.cancel(true));
                Thread.currentThread().interrupt();
                throw new CancellationException("harvest interrupted while writing to the portal");
            }
        }
        return outcomes;
    }

    private ItemOutcome write(PlannedItem item) {
        try {
            return switch (item.action()) {
                case CREATE -> create(item, item.desired().orElseThrow());
                case UPDATE -> {
                    retry.call(() -> {
                        portal.update(item.registrationId(), design.updateBody(item.desired().orElseThrow()));
                        return null;
                    });
                    yield done(item, item.registrationId());
                }
                case DELETE -> {
                    retry.call(() -> portal.delete(item.registrationId()));
                    yield done(item, item.registrationId());
                }
                default -> throw new IllegalArgumentException("Not a write: " + item.action());
            };
        } catch (GisServerException e) {
            return new ItemOutcome(item, ItemOutcome.Result.FAILED, item.registrationId(), e.getMessage());
        }
    }

    /**
     * iPortal refuses a second registration of an address by the same user. When a create is refused, the
     * address is looked up: a registration with this source's marker is an earlier attempt whose reply was lost
     * (it counts as created); one without the marker is not this harvester's and stays untouched.
     */
    private ItemOutcome create(PlannedItem item, DesiredRegistration desired) {
        try {
            return done(item, retry.call(() -> portal.register(design.createBody(desired))));
        } catch (PermanentServerException refused) {
            Optional<OwnedRegistration> existing = retry.call(() -> portal.findByLinkage(desired.linkage()));
            if (existing.isEmpty()) {
                throw refused;
            }
            if (existing.get().tags().contains(marker)) {
                return done(item, existing.get().id());
            }
            return new ItemOutcome(item, ItemOutcome.Result.FAILED, existing.get().id(), refused.getMessage()
                    + " — registration " + existing.get().id() + " of this address belongs to the same user but has no '"
                    + marker + "' tag, so the harvester leaves it alone");
        }
    }

    private static ItemOutcome done(PlannedItem item, Integer registrationId) {
        return new ItemOutcome(item, ItemOutcome.Result.DONE, registrationId, null);
    }
}
