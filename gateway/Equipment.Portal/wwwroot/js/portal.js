// The portal's few scripts. Every page works without them (each form posts and the server checks everything again);
// they only say things sooner. Loaded as a file: the Content-Security-Policy allows no inline script.
"use strict";

// A searchable checklist: <input class="checklist-filter" data-filters="ID"> hides the items of <ul id="ID"> whose text
// does not contain what is typed. Ticked items stay visible.
document.querySelectorAll("input.checklist-filter[data-filters]").forEach(filter => {
    const list = document.getElementById(filter.dataset.filters);
    if (!list) return;
    filter.addEventListener("input", () => {
        const wanted = filter.value.trim().toLowerCase();
        list.querySelectorAll("li").forEach(item => {
            const ticked = item.querySelector("input[type=checkbox]:checked") !== null;
            item.hidden = !ticked && wanted.length > 0 && !item.textContent.toLowerCase().includes(wanted);
        });
    });
});

// A goods received note: a serial scanned or typed twice is refused at once, before it joins the list.
// <input data-serial-entry="LINE"> is the entry field of a line, <textarea data-serial-list="LINE"> its list,
// <p data-serial-warning="N"> where a line's warning is said.
document.querySelectorAll("input[data-serial-entry]").forEach(entry => {
    entry.addEventListener("keydown", event => {
        if (event.key !== "Enter") return;
        const serial = entry.value.trim().toUpperCase();
        const warning = entry.form.querySelector(`[data-serial-warning="${entry.dataset.serialEntry}"]`);
        if (warning) { warning.textContent = ""; warning.hidden = true; }
        if (serial.length === 0) return;
        for (const list of entry.form.querySelectorAll("textarea[data-serial-list]")) {
            const serials = list.value.split("\n").map(s => s.trim().toUpperCase());
            if (serials.includes(serial)) {
                event.preventDefault();
                if (warning) {
                    warning.hidden = false;
                    warning.textContent = `${entry.value.trim()} is already on this note (line ${list.dataset.lineNumber}): scanned twice?`;
                }
                entry.setAttribute("aria-invalid", "true");
                entry.select();
                return;
            }
        }
        entry.removeAttribute("aria-invalid");
    });
});

// The sign-in session: a warning five minutes before it ends, and after it has ended a form is not sent (what was typed
// would be lost at the sign-in page): the user is told to sign in again in another tab, then to send it.
(() => {
    const body = document.body;
    const notice = document.getElementById("session-notice");
    if (!body.dataset.sessionEnds || !notice) return;
    const endsAt = () => Number(body.dataset.sessionEnds) * 1000;        // the page's data: updated when the user signs in again
    const clock = t => new Date(t).toISOString().substring(11, 16) + " UTC";

    const say = text => {
        notice.hidden = false;
        notice.querySelector("[data-text]").textContent = text;
    };
    const check = () => {
        const left = endsAt() - Date.now();
        if (left <= 0) say(`Your session ended at ${clock(endsAt())}. What you typed is still here: sign in again in another tab, then send the form.`);
        else if (left <= 5 * 60 * 1000) say(`Your session ends at ${clock(endsAt())}, in ${Math.ceil(left / 60000)} min. Send what you are typing before then, or sign in again in another tab.`);
        else notice.hidden = true;
    };
    check();
    setInterval(check, 15000);

    document.addEventListener("submit", async event => {
        const form = event.target;
        if (Date.now() < endsAt() || form.action.endsWith("/signout")) return;
        event.preventDefault();
        // Signed in again elsewhere? The portal says when the new session ends and gives this form a fresh antiforgery token.
        const answer = await fetch("session", { credentials: "same-origin", headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" } });
        if (answer.ok) {
            const session = await answer.json();
            body.dataset.sessionEnds = String(session.endsAt);
            form.querySelectorAll("input[name='__RequestVerificationToken']").forEach(t => t.value = session.antiforgeryToken);
            check();
            if (Date.now() < endsAt()) form.requestSubmit(event.submitter);
            return;
        }
        check();
        notice.querySelector("a")?.focus();
    }, true);
})();

// Verification on a phone: "Use my position" fills the asset's latitude and longitude from the browser's geolocation
// (shown only where there is one); the monitor can always type them instead.
(() => {
    if (!("geolocation" in navigator)) return;
    document.querySelectorAll("button[data-geolocate]").forEach(button => {
        const id = button.dataset.geolocate;
        const status = document.querySelector(`[data-geolocate-status="${id}"]`);
        button.hidden = false;
        button.addEventListener("click", () => {
            if (status) status.textContent = button.dataset.waiting || "…";
            navigator.geolocation.getCurrentPosition(position => {
                document.getElementById(`lat-${id}`).value = position.coords.latitude.toFixed(6);
                document.getElementById(`lon-${id}`).value = position.coords.longitude.toFixed(6);
                if (status) status.textContent = button.dataset.found || "✓";
            }, () => {
                if (status) status.textContent = button.dataset.failed || "✗";
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    });
})();
