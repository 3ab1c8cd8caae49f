package org.ordinateurssolidaires.query.inventory;

/** Whether a medium could still hold a donor's or a household's data. */
public enum ErasureStatus {
    PENDING,
    FAILED,
    SANITISED,
    DESTROYED;

    public boolean holdsNoData() {
        return this == SANITISED || this == DESTROYED;
    }
}
