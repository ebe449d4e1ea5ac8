/*
 * The event form shows every venue's category prices without a script; with it, only those that count: the chosen
 * venue's, and only when the event is priced per category (or else the one price).
 */
(function () {
    'use strict';

    var form = document.querySelector('[data-event-form]');
    if (!form) {
        return;
    }
    var venue = form.querySelector('#venueId');

    function show() {
        var pricing = form.querySelector('input[name=pricing]:checked');
        var byCategory = pricing && pricing.value === 'categories';
        form.querySelector('[data-pricing=one]').hidden = byCategory;
        form.querySelector('[data-pricing=categories]').hidden = !byCategory;
        form.querySelectorAll('[data-venue]').forEach(function (prices) {
            prices.hidden = prices.getAttribute('data-venue') !== venue.value;
        });
    }

    form.addEventListener('change', show);
    show();
})();
