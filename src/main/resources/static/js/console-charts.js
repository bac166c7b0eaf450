// Brand console charts: the offer page's clicks, conversions and sales per day. The data sits in
// the canvas's data-offer-chart attribute, so the page needs no inline script.
(function () {
    "use strict";

    function render(root) {
        if (typeof Chart === "undefined") {
            return;
        }
        root.querySelectorAll("canvas[data-offer-chart]").forEach(function (canvas) {
            var data = JSON.parse(canvas.getAttribute("data-offer-chart"));
            var money = new Intl.NumberFormat("en-US", { style: "currency", currency: data.currency });
            var existing = Chart.getChart(canvas);
            if (existing) {
                existing.destroy();
            }
            new Chart(canvas, {
                data: {
                    labels: data.labels,
                    datasets: [
                        {
                            type: "bar", label: "Sales (" + data.currency + ")", data: data.sales,
                            backgroundColor: "rgba(45, 91, 215, 0.7)", borderRadius: 3, yAxisID: "money", order: 3
                        },
                        {
                            type: "line", label: "Clicks", data: data.clicks, borderColor: "#8a5a00",
                            backgroundColor: "#8a5a00", pointRadius: data.labels.length > 40 ? 0 : 2, tension: 0,
                            yAxisID: "count", order: 1
                        },
                        {
                            type: "line", label: "Conversions", data: data.conversions, borderColor: "#1d7a46",
                            backgroundColor: "#1d7a46", pointRadius: data.labels.length > 40 ? 0 : 2, tension: 0,
                            yAxisID: "count", order: 2
                        }
                    ]
                },
                options: {
                    responsive: true,
                    maintainAspectRatio: false,
                    animation: false,
                    interaction: { mode: "index", intersect: false },
                    plugins: { legend: { position: "bottom" } },
                    scales: {
                        x: { grid: { display: false }, ticks: { maxTicksLimit: 8, maxRotation: 0 } },
                        money: {
                            position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
                            ticks: { maxTicksLimit: 5, callback: function (value) { return money.format(value); } }
                        },
                        count: { position: "left", beginAtZero: true, ticks: { precision: 0, maxTicksLimit: 5 } }
                    }
                }
            });
            canvas.setAttribute("data-rendered", "true");
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        render(document);
    });
})();
