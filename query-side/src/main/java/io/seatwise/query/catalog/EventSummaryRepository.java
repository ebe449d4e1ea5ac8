package io.seatwise.query.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventSummaryRepository extends JpaRepository<EventSummaryEntity, String> {

    List<EventSummaryEntity> findByStartsAtAfterOrderByStartsAtAscIdAsc(Instant after, Pageable page);
}
