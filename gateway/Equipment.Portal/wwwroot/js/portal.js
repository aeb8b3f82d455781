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
                    // the sentence comes in the page's language (data-text: {0} the serial, {1} the line)
                    warning.textContent = (warning.dataset.text || "{0} is already on this note (line {1}): scanned twice?")
                        .replace("{0}", entry.value.trim()).replace("{1}", list.dataset.lineNumber);
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
        // the sentences come in the page's language from the layout (data-ended, data-ending: {0} the time, {1} the minutes)
        const fill = (template, ...values) => template.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
        if (left <= 0) say(fill(notice.dataset.ended, clock(endsAt())));
        else if (left <= 5 * 60 * 1000) say(fill(notice.dataset.ending, clock(endsAt()), Math.ceil(left / 60000)));
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

// A stock-take: a serial (or an asset's QR label) already counted here is refused at once, before it is sent: the page
// says so beside the field. <input data-count-entry="LIST"> names the hidden <ul id="LIST"> of what the count has seen
// (serials, and data-asset-id for the assets among them); [data-count-warning] is where it is said. The service warns too.
const assetInAddress = text => {
    const match = /(?:^|\/)assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:[?#].*)?$/i.exec(text.trim());
    return match ? match[1].toLowerCase() : null;
};
document.querySelectorAll("input[data-count-entry]").forEach(entry => {
    const list = document.getElementById(entry.dataset.countEntry);
    const warning = entry.form.querySelector("[data-count-warning]");
    if (!list || !warning) return;
    const seen = () => {
        const text = entry.value.trim();
        if (text.length === 0) return null;
        const id = assetInAddress(text);
        for (const item of list.querySelectorAll("li")) {
            if (id ? item.dataset.assetId === id : item.textContent.trim().toUpperCase() === text.toUpperCase()) return item.textContent.trim();
        }
        return null;
    };
    entry.form.addEventListener("submit", event => {
        const twice = seen();
        warning.hidden = twice === null;
        if (twice === null) { entry.removeAttribute("aria-invalid"); return; }
        event.preventDefault();
        event.stopImmediatePropagation();
        warning.textContent = entry.dataset.textTwice.replace("{0}", twice);
        entry.setAttribute("aria-invalid", "true");
        entry.select();
    });
});

// "Scan": reads a QR code or a barcode with the camera into the field, then sends its form. The button shows only where
// the browser has a camera API (not on a page served over plain HTTP to another machine: the field is typed in there).
// The browser's own BarcodeDetector where it exists; else @zxing/library, served by the portal, loaded on the first scan.
// <button data-scan-into="ID" data-scan-library="URL" [data-scan-continue]>; its panel is #ID-scanner.
(() => {
    const buttons = document.querySelectorAll("button[data-scan-into]");
    if (buttons.length === 0 || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    const resumeKey = "equipment.scan.resume";
    let library = null;
    const loadLibrary = url => library ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.onload = () => resolve(window.ZXing);
        script.onerror = () => reject(new Error("the scanner could not be loaded"));
        document.head.appendChild(script);
    });
    const nativeDetector = async () => {
        if (!("BarcodeDetector" in window)) return null;
        try {
            const formats = await window.BarcodeDetector.getSupportedFormats();
            return formats.length > 0 ? new window.BarcodeDetector({ formats }) : null;
        } catch { return null; }
    };

    buttons.forEach(button => {
        const input = document.getElementById(button.dataset.scanInto);
        const panel = document.getElementById(button.dataset.scanInto + "-scanner");
        if (!input || !panel) return;
        const video = panel.querySelector("video");
        const status = panel.querySelector("[data-scan-status]");
        const say = (key, value) => { status.textContent = (panel.dataset[key] || "").replace("{0}", value ?? ""); };
        let stream = null, reader = null, running = false;
        button.hidden = false;

        const stop = () => {
            running = false;
            reader?.reset();
            reader = null;
            stream?.getTracks().forEach(track => track.stop());
            stream = null;
            video.srcObject = null;
            panel.hidden = true;
            button.setAttribute("aria-expanded", "false");
        };
        const read = text => {
            if (!running) return;
            stop();
            say("textRead", text);
            input.value = text.trim();
            if (button.dataset.scanContinue) sessionStorage.setItem(resumeKey, location.pathname);
            input.form.requestSubmit();
            if (input.getAttribute("aria-invalid") === "true") { sessionStorage.removeItem(resumeKey); input.focus(); }   // refused at once
        };
        const start = async () => {
            if (running) return;
            running = true;
            panel.hidden = false;
            button.setAttribute("aria-expanded", "true");
            say("textStarting");
            try {
                const detector = await nativeDetector();
                if (detector) {
                    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
                    video.srcObject = stream;
                    await video.play();
                    say("textAim");
                    const tick = async () => {
                        if (!running) return;
                        try {
                            const codes = await detector.detect(video);
                            if (codes.length > 0) { read(codes[0].rawValue); return; }
                        } catch { /* a frame not ready yet */ }
                        setTimeout(tick, 150);
                    };
                    tick();
                } else {
                    const ZXing = await loadLibrary(button.dataset.scanLibrary);
                    reader = new ZXing.BrowserMultiFormatReader();
                    say("textAim");
                    await reader.decodeFromConstraints({ video: { facingMode: { ideal: "environment" } }, audio: false }, video, result => {
                        if (result) read(result.getText());
                    });
                }
            } catch (error) {
                const reason = error && error.name ? error.name : String(error);
                stop();
                panel.hidden = false;
                say("textFailed", reason);
                input.focus();
            }
        };
        button.addEventListener("click", () => running ? stop() : start());
        panel.querySelector("[data-scan-stop]")?.addEventListener("click", () => { sessionStorage.removeItem(resumeKey); stop(); input.focus(); });
        // Counting one serial after another: the page came back after a scan, so the camera starts again.
        if (button.dataset.scanContinue && sessionStorage.getItem(resumeKey) === location.pathname) {
            sessionStorage.removeItem(resumeKey);
            start();
        }
    });
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
