package io.seatwise.query.booking;

import org.springframework.data.jpa.repository.JpaRepository;

interface BookedEventRepository extends JpaRepository<BookedEventEntity, String> {}
