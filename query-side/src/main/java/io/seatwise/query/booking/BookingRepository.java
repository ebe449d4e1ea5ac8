package io.seatwise.query.booking;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BookingRepository extends JpaRepository<BookingEntity, String> {

    List<BookingEntity> findByAccountIdOrderByBookedAtDesc(String accountId);
}
