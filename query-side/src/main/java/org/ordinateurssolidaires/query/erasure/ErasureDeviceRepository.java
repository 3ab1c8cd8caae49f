package org.ordinateurssolidaires.query.erasure;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface ErasureDeviceRepository extends JpaRepository<ErasureDevice, UUID> {
}
