// Linkledger pages: copy buttons and charts. Loaded on every page; does nothing where the
// elements it looks for are absent. No inline scripts anywhere (the pages send a strict CSP).
(function () {
    "use strict";

    function copyText(text) {
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(text);
        }
        // Plain-HTTP fallback (e.g. a self-hosted install without TLS).
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "absolute";
        area.style.left = "-9999px";
        document.body.appendChild(area);
        area.select();
        var ok = document.execCommand("copy");
        document.body.removeChild(area);
        return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-copy-target]");
        if (!button) {
            return;
        }
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var label = button.getAttribute("data-label") || button.textContent;
        button.setAttribute("data-label", label);
        copyText(field.value).then(function () {
            button.textContent = "Copied";
            button.setAttribute("data-copied", "true");
        }, function () {
            field.select();
            button.textContent = "Press Ctrl+C";
        }).then(function () {
            setTimeout(function () {
                button.textContent = label;
                button.removeAttribute("data-copied");
            }, 2000);
        });
    });

    // Select the whole code or link on focus, so a long press or Ctrl+C also works.
    document.addEventListener("focusin", function (event) {
        if (event.target.matches && event.target.matches(".copy-field input")) {
            event.target.select();
        }
    });

    /**
     * Draws (or redraws) a chart of money bars and count lines with the layout all Linkledger
     * charts share. datasets: Chart.js datasets whose yAxisID is "money" or "count".
     */
    function drawChart(canvas, currency, labels, datasets, moneyOnLeft) {
        if (typeof Chart === "undefined") {
            return;
        }
        var money = new Intl.NumberFormat("en-US", { style: "currency", currency: currency });
        var existing = Chart.getChart(canvas);
        if (existing) {
            existing.destroy();
        }
        new Chart(canvas, {
            data: { labels: labels, datasets: datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: "index", intersect: false },
                plugins: { legend: { position: "bottom" } },
                scales: {
                    x: { grid: { display: false }, ticks: { maxTicksLimit: 8, maxRotation: 0 } },
                    money: {
                        position: moneyOnLeft ? "left" : "right", beginAtZero: true,
                        grid: { drawOnChartArea: moneyOnLeft },
                        ticks: { maxTicksLimit: 5, callback: function (value) { return money.format(value); } }
                    },
                    count: {
                        position: moneyOnLeft ? "right" : "left", beginAtZero: true,
                        grid: { drawOnChartArea: !moneyOnLeft },
                        ticks: { precision: 0, maxTicksLimit: 5 }
                    }
                }
            }
        });
        canvas.setAttribute("data-rendered", "true");
    }

    window.Linkledger = { drawChart: drawChart };

    function renderCharts(root) {
        root.querySelectorAll("canvas[data-chart-data]").forEach(function (canvas) {
            var data = JSON.parse(canvas.getAttribute("data-chart-data"));
            drawChart(canvas, data.currency, data.labels, [
                {
                    type: "bar", label: "Earnings (" + data.currency + ")", data: data.earnings,
                    backgroundColor: "rgba(45, 91, 215, 0.75)", borderRadius: 3, yAxisID: "money", order: 2
                },
                {
                    type: "line", label: "Conversions", data: data.conversions, borderColor: "#1d7a46",
                    backgroundColor: "#1d7a46", pointRadius: data.labels.length > 40 ? 0 : 3, tension: 0,
                    yAxisID: "count", order: 1
                }
            ], true);
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        renderCharts(document);
    });
    // The range switcher swaps the whole panel (outerHTML), so look at the document again.
    document.addEventListener("htmx:afterSettle", function () {
        renderCharts(document);
    });
})();
