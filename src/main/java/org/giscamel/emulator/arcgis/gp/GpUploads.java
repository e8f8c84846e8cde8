package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Items uploaded through {@code uploads/upload}, each visible only to the service it was uploaded to. */
public final class GpUploads {

    /** One uploaded item; real item ids are {@code i} + a UUID. */
    public record Item(String service, String itemID, String itemName, String description, long date, byte[] content) {

        public ObjectNode toJson() {
            return Json.object().put("itemID", itemID).put("itemName", itemName).put("description", description)
                    .put("date", date).put("committed", true);
        }
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Clock clock;

    public GpUploads(Clock clock) {
        this.clock = clock;
    }

    public Item add(String service, String itemName, String description, byte[] content) {
        Item item = new Item(service, "i" + UUID.randomUUID(), itemName, description, clock.millis(), content);
        items.put(item.itemID(), item);
        return item;
    }

    public Optional<Item> find(String service, String itemID) {
        return Optional.ofNullable(items.get(itemID)).filter(i -> i.service().equals(service));
    }
}
