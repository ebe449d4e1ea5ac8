package io.seatwise.query.catalog;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.query.StoredJson;
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

    /** JSON; null in rows written before migration V8 (see {@link StoredJson}). */
    private String layout;

    protected VenueEntity() {}

    VenueEntity(VenueCreated event) {
        id = event.venueId().value();
        change(event.name(), event.city(), event.layout());
    }

    void change(String name, String city, SeatLayout layout) {
        this.name = name;
        this.city = city;
        rows = layout.rowCount();
        seatsPerRow = layout.widestRow();
        capacity = layout.capacity();
        this.layout = StoredJson.layout(layout);
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
        return new VenueView(VenueId.of(id), name, city, StoredJson.layout(layout, rows, seatsPerRow));
    }
}
