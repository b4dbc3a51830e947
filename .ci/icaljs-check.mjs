// Parses every published feed with Mozilla's ical.js (the parser inside
// Thunderbird) and compares each catalogue event with `anlass list --format
// json`. Run under different TZ values: all-day events must keep their day.
//
// usage: node icaljs-check.mjs <public/feeds> <list.json> [<dir of <region>.json>]
// Region feeds are compared with `anlass list --region <code> --format json`
// when the third argument names a folder with one such file per region.
// Single-event files (feeds/termine/) carry UIDs of their own (…-termin@);
// a preparation event (…-vorbereiten…) lies on the list's prepare_from day.
import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";

const [feedDir, listFile, regionDir] = process.argv.slice(2);
const regionExpected = new Map(); // region code (lower case) → Map(key → item)
if (regionDir) {
  for (const f of fs.readdirSync(regionDir).filter((n) => n.endsWith(".json"))) {
    const m = new Map();
    const code = f.replace(/\.json$/, "").toUpperCase();
    for (const row of JSON.parse(fs.readFileSync(path.join(regionDir, f), "utf8"))) {
      // A holiday that is an occasion shares the occasion's row (holidays);
      // the region feed still has its own event.
      const items = row.kind === "occasion" ? (row.holidays || []).map((h) => ({ ...h, kind: "holiday", region: code })) : [row];
      for (const it of items) {
        // Holidays: region-qualified UIDs, de-neujahr in DE-BY → de-by-neujahr-2026.
        const country = it.region.split("-")[0].toLowerCase();
        const key = it.kind === "holiday" ? `${it.region.toLowerCase()}-${it.id.replace(country + "-", "")}-${it.year}` : it.id;
        m.set(key, it);
      }
    }
    regionExpected.set(f.replace(/\.json$/, ""), m);
  }
}
const expected = new Map();
for (const it of JSON.parse(fs.readFileSync(listFile, "utf8"))) {
  expected.set(`${it.id}-${it.year}`, it);
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ics") ? [path.join(dir, e.name)] : []);
}

const iso = (t) => `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
const localISO = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const plusOne = (s) => { const d = new Date(s + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); };

let feeds = 0, events = 0, compared = 0;
const errors = [];
for (const f of files(feedDir)) {
  feeds++;
  let comp;
  try {
    comp = new ICAL.Component(ICAL.parse(fs.readFileSync(f, "utf8")));
  } catch (e) {
    errors.push(`${f}: ical.js cannot parse: ${e.message}`);
    continue;
  }
  for (const ve of comp.getAllSubcomponents("vevent")) {
    events++;
    const ev = new ICAL.Event(ve);
    const s = ev.startDate, e = ev.endDate;
    if (!s || !e || !s.isDate || !e.isDate) { errors.push(`${f} ${ev.uid}: DTSTART/DTEND are not DATE values`); continue; }
    if (e.compare(s) <= 0) errors.push(`${f} ${ev.uid}: DTEND not after DTSTART`);
    // In the local time zone (TZ), the JS date of an all-day start must be the same day.
    if (localISO(s.toJSDate()) !== iso(s)) errors.push(`${f} ${ev.uid}: shifts to ${localISO(s.toJSDate())} in TZ=${process.env.TZ}`);
    let key = ev.uid.split("@")[0];
    if (f.includes(`${path.sep}termine${path.sep}`)) {
      if (!key.endsWith("-termin")) { errors.push(`${f}: UID ${ev.uid} of a single-event file lacks -termin`); continue; }
      key = key.slice(0, -"-termin".length);
    }
    const prep = key.endsWith("-vorbereiten");
    if (prep) {
      key = key.slice(0, -"-vorbereiten".length);
      const want = expected.get(key);
      if (!want) { errors.push(`${f}: preparation event ${ev.uid} is not in anlass list`); continue; }
      compared++;
      if (iso(s) !== want.prepare_from || iso(e) !== plusOne(want.prepare_from)) {
        errors.push(`${f} ${ev.uid}: ${iso(s)}..${iso(e)}, list says prepare from ${want.prepare_from}`);
      }
      continue;
    }
    if (f.includes(`${path.sep}regions${path.sep}`)) {
      const rm = regionExpected.get(path.basename(f, ".ics"));
      if (!rm) { if (regionDir) errors.push(`${f}: no anlass list output for this region`); continue; }
      const rw = rm.get(key);
      if (!rw) { errors.push(`${f}: event ${ev.uid} is not in anlass list --region`); continue; }
      compared++;
      if (iso(s) !== rw.start || iso(e) !== plusOne(rw.end)) {
        errors.push(`${f} ${ev.uid}: ${iso(s)}..${iso(e)}, list --region says ${rw.start}..${rw.end}(+1)`);
      }
      continue;
    }
    const want = expected.get(key);
    if (!want) { errors.push(`${f}: event ${ev.uid} is not in anlass list`); continue; }
    compared++;
    if (iso(s) !== want.start || iso(e) !== plusOne(want.end) || ev.summary !== want.name) {
      errors.push(`${f} ${ev.uid}: ${iso(s)}..${iso(e)} "${ev.summary}", list says ${want.start}..${want.end}(+1) "${want.name}"`);
    }
  }
}
if (feeds < 5 || compared === 0) errors.push(`only ${feeds} feeds / ${compared} compared events found in ${feedDir}`);
for (const e of errors.slice(0, 50)) console.error(e);
console.log(`ical.js (TZ=${process.env.TZ}): ${feeds} feeds, ${events} events, ${compared} compared with anlass list: ${errors.length} problems`);
process.exit(errors.length ? 1 : 0);
