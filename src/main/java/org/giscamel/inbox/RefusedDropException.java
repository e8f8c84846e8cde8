package org.giscamel.inbox;

/** A step found the entry it was handed refused by {@link DropGuard}; its reason is the drop's reason. */
public final class RefusedDropException extends RuntimeException {

    private final transient RefusedDrop drop;

    public RefusedDropException(RefusedDrop drop) {
        super(drop.reason());
        this.drop = drop;
    }

    public RefusedDrop drop() {
        return drop;
    }
}
