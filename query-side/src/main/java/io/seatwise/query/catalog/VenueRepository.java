package io.seatwise.query.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VenueRepository extends JpaRepository<VenueEntity, String> {

    List<VenueEntity> findAllByOrderByNameAsc();
}
