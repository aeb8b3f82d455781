// Converts world-atlas's countries-50m.json (TopoJSON, Natural Earth 1:50m) once into what the portal's map draws:
// each country's outer and inner rings as flat [lon, lat, lon, lat, …] lists, rounded to 0.01°, with its bounding box.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";
const [input, output] = process.argv.slice(2);
const topology = JSON.parse(readFileSync(input, "utf8"));
const countries = feature(topology, topology.objects.countries).features;
const round = v => Math.round(v * 100) / 100;
const out = countries.map(c => {
  const polygons = c.geometry === null ? [] : c.geometry.type === "Polygon" ? [c.geometry.coordinates] : c.geometry.coordinates;
  const rings = [];
  for (const polygon of polygons) for (const ring of polygon) {
    const flat = [];
    let last = null;
    for (const [lon, lat] of ring) {
      const p = [round(lon), round(lat)];
      if (last && last[0] === p[0] && last[1] === p[1]) continue;
      flat.push(p[0], p[1]); last = p;
    }
    if (flat.length >= 6) rings.push(flat);
  }
  return { id: c.id ?? "", name: c.properties.name, rings };
}).filter(c => c.rings.length > 0);
writeFileSync(output, JSON.stringify({ source: "world-atlas 2.0.2 countries-50m.json (Natural Earth 1:50m, public domain)", countries: out }));
console.log(out.length, "countries");
