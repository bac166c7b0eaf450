// Brand console: htmx requests carry the CSRF token the page was rendered with.
document.addEventListener("htmx:configRequest", (event) => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// Menus (<details class="menu">, e.g. Add Offer): Esc closes the open one and gives the focus
// back to its button; a click elsewhere closes it too.
document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
        return;
    }
    const menu = document.activeElement && document.activeElement.closest("details.menu[open]");
    const open = menu || document.querySelector("details.menu[open]");
    if (open) {
        open.open = false;
        open.querySelector("summary").focus();
    }
});
document.addEventListener("click", (event) => {
    document.querySelectorAll("details.menu[open]").forEach((menu) => {
        if (!menu.contains(event.target)) {
            menu.open = false;
        }
    });
});

// A choice with an "Other" option (the remittance's network): the field for the other value
// shows only while "Other" is chosen. Without JavaScript both stay visible.
function showOther(select) {
    const other = document.getElementById(select.dataset.otherField);
    if (other) {
        other.hidden = select.value !== "OTHER";
    }
}
document.querySelectorAll("select[data-other-field]").forEach((select) => {
    showOther(select);
    select.addEventListener("change", () => showOther(select));
});
