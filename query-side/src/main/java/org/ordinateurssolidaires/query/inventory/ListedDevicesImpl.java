package org.ordinateurssolidaires.query.inventory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;

import java.util.List;

/** {@link InventoryRepository}'s part that {@link ListedDevices} describes. */
class ListedDevicesImpl implements ListedDevices {

    @PersistenceContext
    private EntityManager session;

    @Override
    public List<ListedDevice> listed(Specification<InventoryDevice> matching, Pageable page) {
        CriteriaBuilder builder = session.getCriteriaBuilder();
        CriteriaQuery<ListedDevice> query = builder.createQuery(ListedDevice.class);
        Root<InventoryDevice> device = query.from(InventoryDevice.class);
        query.select(builder.construct(ListedDevice.class, device.get("deviceId"), device.get("assetTag"),
                device.get("donorId"), device.get("category"), device.get("manufacturer"), device.get("model"),
                device.get("state"), device.get("stateSince")));
        Predicate where = matching.toPredicate(device, query, builder);
        if (where != null) { // an unrestricted selection
            query.where(where);
        }
        query.orderBy(QueryUtils.toOrders(page.getSort(), device, builder));
        return session.createQuery(query).setFirstResult((int) page.getOffset()).setMaxResults(page.getPageSize())
                      .getResultList();
    }
}
