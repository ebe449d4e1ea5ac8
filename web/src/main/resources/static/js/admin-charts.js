// The admin dashboard's charts, drawn by ECharts from the statistics API. The page's tables hold the same figures,
// so without this script nothing is lost but the pictures.
(function () {
    'use strict';

    var options = {
        daily: function (days, labels) {
            return {
                tooltip: {trigger: 'axis'},
                legend: {},
                grid: {containLabel: true, left: 8, right: 8},
                xAxis: {type: 'category', data: days.map(function (day) { return day.day; })},
                yAxis: {type: 'value', minInterval: 1},
                series: [
                    {name: labels.labelBookings, type: 'bar', data: days.map(function (day) { return day.bookings; })},
                    {name: labels.labelSeats, type: 'line', data: days.map(function (day) { return day.seats; })}
                ]
            };
        },
        occupancy: function (stats, labels) {
            return {
                tooltip: {trigger: 'axis', valueFormatter: function (value) { return value + ' %'; }},
                grid: {containLabel: true, left: 8, right: 16},
                xAxis: {type: 'value', min: 0, max: 100},
                yAxis: {
                    type: 'category',
                    inverse: true,
                    data: stats.events.map(function (event) { return event.title; })
                },
                series: [{
                    name: labels.labelOccupancy,
                    type: 'bar',
                    data: stats.events.map(function (event) { return Math.round(event.occupancy * 1000) / 10; })
                }]
            };
        }
    };

    if (typeof window.echarts === 'undefined') {
        return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
        fetch(element.dataset.source, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (data) {
                var chart = window.echarts.init(element);
                chart.setOption(options[element.dataset.chart](data, element.dataset));
                window.addEventListener('resize', function () { chart.resize(); });
            })
            .catch(function () { element.textContent = element.dataset.failed; });
    });
})();
