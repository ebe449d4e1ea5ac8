package io.seatwise.query.catalog;

import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "venues")
class VenueEntity {

    @Id
    private String id;

    private String name;
    private String city;

    @Column(name = "seat_rows")
    private int rows;

    private int seatsPerRow;
    private int capacity;

    protected VenueEntity() {}

    VenueEntity(VenueCreated event) {
        id = event.venueId().value();
        name = event.name();
        city = event.city();
        rows = event.rows();
        seatsPerRow = event.seatsPerRow();
        capacity = event.capacity();
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String city() {
        return city;
    }

    VenueView toView() {
        return new VenueView(VenueId.of(id), name, city, rows, seatsPerRow, capacity);
    }
}
