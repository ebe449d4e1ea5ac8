// Attendance on the admin dashboard: each event's seats checked in at the door, of those booked, polled every few
// seconds while the dashboard is open.
(function () {
    'use strict';

    const cells = Array.from(document.querySelectorAll('[data-attendance-url]'));
    if (!cells.length) {
        return;
    }

    function show(cell, attendance) {
        cell.dataset.checkedIn = String(attendance.checkedIn);
        cell.dataset.booked = String(attendance.booked);
        cell.textContent = cell.dataset.textValue.split('{0}').join(attendance.checkedIn)
            .split('{1}').join(attendance.booked);
    }

    function poll() {
        Promise.all(cells.map(cell => fetch(cell.dataset.attendanceUrl,
            {headers: {Accept: 'application/json'}, cache: 'no-store', credentials: 'same-origin'})
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(attendance => show(cell, attendance))
            .catch(() => {})))
            .finally(() => setTimeout(poll, 3000));
    }

    poll();
})();
