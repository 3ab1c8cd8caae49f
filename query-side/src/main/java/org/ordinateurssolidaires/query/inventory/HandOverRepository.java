package org.ordinateurssolidaires.query.inventory;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface HandOverRepository extends JpaRepository<HandOver, HandOver.Key> {

    List<HandOver> findByDonorIdOrderByHandedOverAt(UUID donorId);
}
