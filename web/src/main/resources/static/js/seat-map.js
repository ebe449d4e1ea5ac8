// Seat picking on the event page. Without this script the seat map is a plain form of checkboxes that still books;
// with it, booked seats cannot be ticked, the limit is enforced, arrow keys move between seats and a summary shows
// what is selected.
(function () {
    'use strict';

    const form = document.querySelector('.sw-booking-form');
    if (!form) {
        return;
    }
    const seats = Array.from(form.querySelectorAll('.sw-seat'));
    const maxSeats = Number(form.dataset.max || 10);
    const priceCents = Number(form.dataset.price || 0);
    const list = form.querySelector('.sw-selected-list');
    const total = form.querySelector('.sw-total');
    const bookButton = form.querySelector('[data-action="book"]');
    const statusWords = {};
    for (const seat of seats) {
        const words = seat.getAttribute('aria-label').split(', ');
        statusWords[seat.dataset.status] = words[words.length - 1];
    }

    function label(seat, status) {
        const parts = seat.getAttribute('aria-label').split(', ');
        parts[parts.length - 1] = statusWords[status] || status;
        return parts.join(', ');
    }

    function setStatus(seat, status) {
        seat.dataset.status = status;
        seat.setAttribute('aria-label', label(seat, status));
    }

    function selected() {
        return seats.filter(seat => seat.checked && seat.dataset.status !== 'booked');
    }

    function refresh() {
        const chosen = selected();
        list.textContent = chosen.length
            ? chosen.map(seat => seat.dataset.row + seat.dataset.column + ' (' + seat.value + ')').join(', ')
            : list.dataset.none;
        if (total) {
            total.textContent = chosen.length && priceCents > 0
                ? '· ' + new Intl.NumberFormat(document.documentElement.lang || undefined, {
                      style: 'currency', currency: form.dataset.currency || 'GBP'
                  }).format(chosen.length * priceCents / 100)
                : '';
        }
        if (bookButton && !bookButton.hasAttribute('data-started')) {
            bookButton.disabled = chosen.length === 0;
        }
    }

    form.addEventListener('click', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (seat.dataset.status === 'booked') {
            event.preventDefault();
            return;
        }
        if (seat.checked && selected().length > maxSeats) {
            event.preventDefault();
            seat.checked = false;
        }
    });

    form.addEventListener('change', event => {
        const seat = event.target.closest('.sw-seat');
        if (seat && seat.dataset.status !== 'booked') {
            setStatus(seat, seat.checked ? 'selected' : 'available');
            refresh();
        }
    });

    // Arrow keys move between seats like in a grid; Space (native) and Enter toggle.
    const rows = Array.from(form.querySelectorAll('.sw-row')).map(row => Array.from(row.querySelectorAll('.sw-seat')));
    form.addEventListener('keydown', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (event.key === 'Enter') {
            event.preventDefault();
            seat.click();
            return;
        }
        const rowIndex = rows.findIndex(row => row.includes(seat));
        const column = rows[rowIndex].indexOf(seat);
        const moves = {
            ArrowLeft: [rowIndex, column - 1],
            ArrowRight: [rowIndex, column + 1],
            ArrowUp: [rowIndex - 1, column],
            ArrowDown: [rowIndex + 1, column]
        };
        const target = moves[event.key];
        if (!target) {
            return;
        }
        const row = rows[target[0]];
        const next = row && row[Math.max(0, Math.min(target[1], row.length - 1))];
        if (next) {
            event.preventDefault();
            next.focus();
        }
    });

    refresh();
})();
