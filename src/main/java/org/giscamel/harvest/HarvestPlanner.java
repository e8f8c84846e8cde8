package org.giscamel.harvest;

import org.giscamel.iportal.OwnedRegistration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of a run, as a pure function of what the source holds and what the portal holds. A registration and a
 * service match by address. A registration whose service is gone is deleted unless that part of the source could
 * not be read; an owned registration that repeats another's address is deleted as a duplicate.
 */
public final class HarvestPlanner {

    private HarvestPlanner() {
    }

    /**
     * @param owned only registrations that carry the source's marker tag: nothing else is ever planned
     */
    public static HarvestPlan plan(SourceSnapshot source, Collection<OwnedRegistration> owned, int deleteGuardPercent,
                                   boolean force) {
        Map<String, OwnedRegistration> byLinkage = new HashMap<>();
        List<PlannedItem> leftovers = new ArrayList<>();
        owned.stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).forEach(registration -> {
            if (registration.linkage() == null) {
                leftovers.add(new PlannedItem(Action.KEEP, "(no address)", registration.id(), Optional.empty(),
                        "the portal shows no address for this registration"));
            } else if (byLinkage.putIfAbsent(registration.linkage(), registration) != null) {
                leftovers.add(new PlannedItem(Action.DELETE, registration.linkage(), registration.id(), Optional.empty(),
                        "duplicate of registration " + byLinkage.get(registration.linkage()).id()));
            }
        });
        List<PlannedItem> items = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (DesiredRegistration desired : source.desired()) {
            OwnedRegistration existing = byLinkage.get(desired.linkage());
            if (existing == null) {
                items.add(new PlannedItem(Action.CREATE, desired.linkage(), null, Optional.of(desired), null));
                continue;
            }
            matched.add(desired.linkage());
            boolean current = Set.copyOf(existing.tags()).equals(Set.copyOf(desired.tags()));
            items.add(new PlannedItem(current ? Action.UNCHANGED : Action.UPDATE, desired.linkage(), existing.id(),
                    Optional.of(desired), null));
        }
        byLinkage.values().stream()
                .filter(registration -> !matched.contains(registration.linkage()))
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .forEach(registration -> items.add(gone(source, registration)));
        items.addAll(leftovers);
        int deletes = (int) items.stream().filter(item -> item.action() == Action.DELETE).count();
        return new HarvestPlan(List.copyOf(items), new DeleteGuard(deletes, owned.size(), deleteGuardPercent, force));
    }

    private static PlannedItem gone(SourceSnapshot source, OwnedRegistration registration) {
        return source.unreadablePartOf(registration.linkage())
                .map(part -> new PlannedItem(Action.KEEP, registration.linkage(), registration.id(), Optional.empty(),
                        part.what() + " could not be read: " + part.reason()))
                .orElseGet(() -> new PlannedItem(Action.DELETE, registration.linkage(), registration.id(),
                        Optional.empty(), "gone from the source"));
    }
}
