// Trend and per-agency charts of the performance page; the numbers come from the page itself (JSON script tags).
(function () {
    if (typeof Chart === 'undefined') return;
    const data = JSON.parse(document.getElementById('trend-data').textContent);
    const labels = JSON.parse(document.getElementById('chart-labels').textContent);
    new Chart(document.getElementById('trend-chart'), {
        data: {
            labels: data.months,
            datasets: [
                { type: 'bar', label: labels.received, data: data.received, yAxisID: 'count' },
                { type: 'bar', label: labels.completed, data: data.completed, yAxisID: 'count' },
                { type: 'line', label: labels.onTime + ' (%)', data: data.onTime, yAxisID: 'share', spanGaps: true }
            ]
        },
        options: { scales: { count: { position: 'left', beginAtZero: true }, share: { position: 'right', min: 0, max: 100 } } }
    });
    new Chart(document.getElementById('agency-chart'), {
        type: 'bar',
        data: { labels: data.agencies, datasets: [{ label: labels.onTime + ' (%)', data: data.agencyOnTime }] },
        options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } }
    });
    document.documentElement.dataset.chartsReady = 'true';
})();
