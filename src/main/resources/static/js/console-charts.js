// Brand console charts: the offer page's clicks, conversions and sales per day. The data sits in
// the canvas's data-offer-chart attribute, so the page needs no inline script; app.js draws it.
(function () {
    "use strict";

    function render(root) {
        root.querySelectorAll("canvas[data-offer-chart]").forEach(function (canvas) {
            var data = JSON.parse(canvas.getAttribute("data-offer-chart"));
            var points = data.labels.length > 40 ? 0 : 2;
            var datasets = [
                {
                    type: "bar", label: "Sales (" + data.currency + ")", data: data.sales,
                    backgroundColor: "rgba(45, 91, 215, 0.7)", borderRadius: 3, yAxisID: "money", order: 3
                },
                {
                    type: "line", label: "Conversions", data: data.conversions, borderColor: "#1d7a46",
                    backgroundColor: "#1d7a46", pointRadius: points, tension: 0, yAxisID: "count", order: 2
                }
            ];
            // A code-only offer has no clicks, so its data has none.
            if (data.clicks) {
                datasets.splice(1, 0, {
                    type: "line", label: "Clicks", data: data.clicks, borderColor: "#8a5a00",
                    backgroundColor: "#8a5a00", pointRadius: points, tension: 0, yAxisID: "count", order: 1
                });
            }
            window.Linkledger.drawChart(canvas, data.currency, data.labels, datasets, false);
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        render(document);
    });
})();
