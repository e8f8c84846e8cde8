package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.util.List;
import java.util.Objects;

/**
 * One registered service as iPortal stores it (ServiceInfo). Immutable: the registry replaces it on update.
 * {@code linkPage} is the original service URL the owner registered.
 */
public final class ServiceRegistration {

    private final int id;
    private final String type;
    private final String resTitle;
    private final String linkPage;
    private final String userName;
    private final List<String> tags;
    private final List<ShareEntity> authorizeSetting;
    private final JsonNode metadata;
    private final List<String> addedMapNames;
    private final List<String> addedSceneNames;
    private final List<Integer> dirIds;
    private final String checkStatus;
    private final boolean enable;
    private final boolean offline;
    private final boolean batch;
    private final boolean dataItemService;
    private final Integer serviceRootUrlId;
    private final String description;
    private final String thumbnail;
    private final String tokenRefreshUrl;
    private final String previewUrl;
    private final int visitCount;
    private final long createTime;
    private final long updateTime;

    private ServiceRegistration(Builder b) {
        this.id = b.id;
        this.type = Objects.requireNonNull(b.type, "type");
        this.linkPage = Objects.requireNonNull(b.linkPage, "linkPage");
        this.userName = Objects.requireNonNull(b.userName, "userName");
        this.resTitle = b.resTitle != null ? b.resTitle : b.linkPage;
        this.tags = List.copyOf(b.tags);
        this.authorizeSetting = List.copyOf(b.authorizeSetting);
        this.metadata = b.metadata != null ? b.metadata.deepCopy() : minimalMetadata(resTitle, linkPage);
        this.addedMapNames = List.copyOf(b.addedMapNames);
        this.addedSceneNames = List.copyOf(b.addedSceneNames);
        this.dirIds = List.copyOf(b.dirIds);
        this.checkStatus = b.checkStatus;
        this.enable = b.enable;
        this.offline = b.offline;
        this.batch = b.batch;
        this.dataItemService = b.dataItemService;
        this.serviceRootUrlId = b.serviceRootUrlId;
        this.description = b.description;
        this.thumbnail = b.thumbnail;
        this.tokenRefreshUrl = b.tokenRefreshUrl;
        this.previewUrl = b.previewUrl;
        this.visitCount = b.visitCount;
        this.createTime = b.createTime;
        this.updateTime = b.updateTime;
    }

    /** A registration of {@code linkPage} by {@code userName}; everything else has iPortal's defaults. */
    public static Builder builder(String userName, String type, String linkPage) {
        return new Builder(userName, type, linkPage);
    }

    public Builder toBuilder() {
        Builder b = new Builder(userName, type, linkPage);
        b.id = id;
        b.resTitle = resTitle;
        b.tags = tags;
        b.authorizeSetting = authorizeSetting;
        b.metadata = metadata;
        b.addedMapNames = addedMapNames;
        b.addedSceneNames = addedSceneNames;
        b.dirIds = dirIds;
        b.checkStatus = checkStatus;
        b.enable = enable;
        b.offline = offline;
        b.batch = batch;
        b.dataItemService = dataItemService;
        b.serviceRootUrlId = serviceRootUrlId;
        b.description = description;
        b.thumbnail = thumbnail;
        b.tokenRefreshUrl = tokenRefreshUrl;
        b.previewUrl = previewUrl;
        b.visitCount = visitCount;
        b.createTime = createTime;
        b.updateTime = updateTime;
        return b;
    }

    static ObjectNode minimalMetadata(String resTitle, String linkage) {
        ObjectNode metadata = Json.object();
        metadata.putObject("dataIdInfo").putObject("dataIdent").putObject("idCitation").put("resTitle", resTitle);
        metadata.putObject("distInfo").putObject("onLineSrc").put("linkage", linkage);
        return metadata;
    }

    boolean isSharedWith(String username) {
        return authorizeSetting.stream().anyMatch(e -> e.isUser(username));
    }

    public int id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String resTitle() {
        return resTitle;
    }

    public String linkPage() {
        return linkPage;
    }

    public String userName() {
        return userName;
    }

    public List<String> tags() {
        return tags;
    }

    public List<ShareEntity> authorizeSetting() {
        return authorizeSetting;
    }

    /** A copy of the stored metadata. */
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    public List<String> addedMapNames() {
        return addedMapNames;
    }

    public List<String> addedSceneNames() {
        return addedSceneNames;
    }

    public List<Integer> dirIds() {
        return dirIds;
    }

    public String checkStatus() {
        return checkStatus;
    }

    public boolean enable() {
        return enable;
    }

    public boolean offline() {
        return offline;
    }

    public boolean isBatch() {
        return batch;
    }

    public boolean isDataItemService() {
        return dataItemService;
    }

    public Integer serviceRootUrlId() {
        return serviceRootUrlId;
    }

    public String description() {
        return description;
    }

    public String thumbnail() {
        return thumbnail;
    }

    public String tokenRefreshUrl() {
        return tokenRefreshUrl;
    }

    public String previewUrl() {
        return previewUrl;
    }

    public int visitCount() {
        return visitCount;
    }

    public long createTime() {
        return createTime;
    }

    public long updateTime() {
        return updateTime;
    }

    @Override
    public String toString() {
        return "ServiceRegistration[" + id + " " + type + " '" + resTitle + "' by " + userName + "]";
    }

    /** Builds a registration; the registry assigns the id and the times when they are left at 0. */
    public static final class Builder {
        private int id;
        private String type;
        private String resTitle;
        private String linkPage;
        private String userName;
        private List<String> tags = List.of();
        private List<ShareEntity> authorizeSetting = List.of();
        private JsonNode metadata;
        private List<String> addedMapNames = List.of();
        private List<String> addedSceneNames = List.of();
        private List<Integer> dirIds = List.of();
        private String checkStatus = "SUCCESSFUL";
        private boolean enable = true;
        private boolean offline;
        private boolean batch;
        private boolean dataItemService;
        private Integer serviceRootUrlId;
        private String description;
        private String thumbnail;
        private String tokenRefreshUrl;
        private String previewUrl;
        private int visitCount;
        private long createTime;
        private long updateTime;

        private Builder(String userName, String type, String linkPage) {
            this.userName = userName;
            this.type = type;
            this.linkPage = linkPage;
        }

        public Builder id(int id) {
            this.id = id;
            return this;
        }

        public Builder resTitle(String resTitle) {
            this.resTitle = resTitle;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }

        public Builder authorizeSetting(List<ShareEntity> entities) {
            this.authorizeSetting = entities;
            return this;
        }

        /** Full metadata; when absent, a minimal one carrying the title and the link is made. */
        public Builder metadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder addedMapNames(List<String> names) {
            this.addedMapNames = names;
            return this;
        }

        public Builder addedSceneNames(List<String> names) {
            this.addedSceneNames = names;
            return this;
        }

        public Builder dirIds(List<Integer> dirIds) {
            this.dirIds = dirIds;
            return this;
        }

        public Builder checkStatus(String checkStatus) {
            this.checkStatus = checkStatus;
            return this;
        }

        public Builder enable(boolean enable) {
            this.enable = enable;
            return this;
        }

        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        public Builder batch(boolean batch, Integer serviceRootUrlId) {
            this.batch = batch;
            this.serviceRootUrlId = serviceRootUrlId;
            return this;
        }

        public Builder dataItemService(boolean dataItemService) {
            this.dataItemService = dataItemService;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder thumbnail(String thumbnail) {
            this.thumbnail = thumbnail;
            return this;
        }

        public Builder tokenRefreshUrl(String tokenRefreshUrl) {
            this.tokenRefreshUrl = tokenRefreshUrl;
            return this;
        }

        public Builder previewUrl(String previewUrl) {
            this.previewUrl = previewUrl;
            return this;
        }

        public Builder visitCount(int visitCount) {
            this.visitCount = visitCount;
            return this;
        }

        public Builder createTime(long createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder updateTime(long updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        public ServiceRegistration build() {
            return new ServiceRegistration(this);
        }
    }
}
