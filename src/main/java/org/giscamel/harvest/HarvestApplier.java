package org.giscamel.harvest;

import org.giscamel.arcgis.AnonymousAccess;
import org.giscamel.iportal.OwnedRegistration;
import org.giscamel.iportal.PortalServices;
import org.giscamel.iportal.RegistrationBodies;
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

    static final String SECURED = "not registered: the service needs an ArcGIS token, and iPortal registers a secured"
            + " ArcGIS service only with a tokenRefreshUrl or a credential, which the harvester does not send (no"
            + " documented form keeps the ArcGIS password out of the registration); make the service public, or exclude"
            + " it from the source to silence this. The portal said: ";

    private final PortalServices portal;
    private final AnonymousAccess arcgis;
    private final RegistrationDesign design;
    private final String marker;
    private final ItemRetry retry;
    private final ExecutorService pool;

    /** @param arcgis tells why a portal refuses an ArcGIS service */
    HarvestApplier(PortalServices portal, AnonymousAccess arcgis, RegistrationDesign design, String marker,
                   ItemRetry retry, ExecutorService pool) {
        this.portal = portal;
        this.arcgis = arcgis;
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
     *
     * <p>iPortal also refuses a service it cannot reach at registration (iportal-rest.md §3.2), such as an ArcGIS
     * service that needs a token, unless the registration says how to get one: {@code tokenRefreshUrl}, or since
     * 11i a credential (§7.2). Neither is usable: what iPortal sends to a tokenRefreshUrl is undocumented, and
     * ArcGIS issues tokens only to a POST with the password in its body (arcgis-rest.md §2.1), so such a URL would
     * have to carry the password into the portal; the credential fields of the REST body are undocumented. Such a
     * service is reported as not registered, with what the operator can do, and the run goes on.
     */
    private ItemOutcome create(PlannedItem item, DesiredRegistration desired) {
        try {
            return done(item, retry.call(() -> portal.register(design.createBody(desired))));
        } catch (PermanentServerException refused) {
            Optional<OwnedRegistration> existing = retry.call(() -> portal.findByLinkage(desired.linkage()));
            if (existing.isEmpty()) {
                if (desired.service().portalType().equals(RegistrationBodies.ARCGIS_REST)
                        && arcgis.needsToken(desired.linkage())) {
                    return new ItemOutcome(item, ItemOutcome.Result.NOT_REGISTERED, null, SECURED + refused.getMessage());
                }
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
