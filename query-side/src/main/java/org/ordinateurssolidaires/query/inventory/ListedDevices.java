package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

import java.util.List;

/**
 * The inventory's devices read as a list shows them: the columns of {@link ListedDevice} only, in one statement. A
 * repository's projection would not do: with a specification it reads whole devices, media and all, and copies the
 * projection from them.
 */
interface ListedDevices {

    List<ListedDevice> listed(Specification<InventoryDevice> matching, Pageable page);
}
