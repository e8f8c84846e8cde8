// Drives esri-leaflet-gp 3.0.0, a browser GP client with other HTTP habits than REST-JS (GET everywhere, a
// trailing slash on the task URL, an extra outputParam parameter), against the ArcGIS Server emulator under jsdom.
// Prints one line per checked behaviour ("MISMATCH <line>: <what happened>" when it does not hold) and exits
// non-zero on any mismatch.
//
// Usage: ARCGIS_PASSWORD=<password> node esri-leaflet-gp-conformance.mjs <siteUrl> <username>
import { createRequire } from "node:module";
import { JSDOM } from "jsdom";
import { ArcGISIdentityManager } from "@esri/arcgis-rest-request";
import { check, finish, unexpected } from "./verdict.mjs";

const [site, username] = process.argv.slice(2);
const password = process.env.ARCGIS_PASSWORD;
if (!site || !username || !password) {
  console.error("usage: ARCGIS_PASSWORD=<password> node esri-leaflet-gp-conformance.mjs <siteUrl> <username>");
  process.exit(2);
}

const services = `${site}/rest/services`;
const task = `${services}/Demo/BufferPoints/GPServer/BufferPoints`;
const POINTS = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", geometry: { type: "Point", coordinates: [13.40, 52.52] }, properties: { Name: "Berlin" } },
    { type: "Feature", geometry: { type: "Point", coordinates: [2.35, 48.86] }, properties: { Name: "Paris" } },
    { type: "Feature", geometry: { type: "Point", coordinates: [-0.13, 51.51] }, properties: { Name: "London" } }
  ]
};

// Leaflet and esri-leaflet read the browser globals when they load; a page on the emulator's origin keeps the
// XMLHttpRequests same-origin, as for an app served next to the server.
const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: `${new URL(site).origin}/`, pretendToBeVisual: true });
Object.assign(globalThis, { window: dom.window, document: dom.window.document, XMLHttpRequest: dom.window.XMLHttpRequest });
Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });
const require = createRequire(import.meta.url);
require("leaflet");
const { service } = require("esri-leaflet-gp");

/** Runs the task to the given output; esri-leaflet-gp calls back only on success or failure. */
function run(gpTask, outputParam) {
  gpTask.setOutputParam(outputParam);
  return new Promise((resolve, reject) => gpTask.run((error, result, response) => {
    if (error) {
      reject(new Error(`${outputParam}: ${JSON.stringify(error)}`));
    } else {
      resolve({ result, response });
    }
  }));
}

async function main() {
  // esri-leaflet has no sign-in of its own; apps hand it a token, here REST-JS's server token for the site.
  const manager = new ArcGISIdentityManager({ server: site, username, password });
  await manager.refreshCredentials();
  const token = await manager.getToken(services);

  // asyncInterval is in seconds (1 by default); tests run the emulator with short GP timings.
  const gpTask = service({ url: task, token, asyncInterval: 0.1 }).createTask();
  await new Promise((resolve) => gpTask.on("initialized", resolve));
  check("metadata GET <task>/ -> initialized async=true path=submitJob",
    gpTask.options.async === true && gpTask.options.path === "submitJob", JSON.stringify(gpTask.options));

  gpTask.setParam("Input_Features", POINTS);
  gpTask.setParam("Distance", { distance: 250, units: "esriMeters" });
  // BufferPoints has a result map service: feature outputs come as data only with returnType=data.
  gpTask.gpAsyncResultParam("returnType", "data");
  const buffers = await run(gpTask, "Output_Buffers");
  const collection = buffers.result.Output_Buffers;
  check("submitJob GET + poll GET jobs/<id> -> Output_Buffers GeoJSON FeatureCollection of 3 Polygons",
    collection?.type === "FeatureCollection" && collection.features.length === 3
      && collection.features.every((f) => f.geometry?.type === "Polygon"),
    JSON.stringify(collection).slice(0, 300));
  console.log(`job id=${buffers.result.jobId}`);

  delete gpTask.resultParams.returnType;
  const raster = await run(gpTask, "Output_Raster");
  const mapService = raster.result.outputMapService;
  check("Output_Raster without returnType -> mapImage and outputMapService <service>/MapServer/jobs/<id>",
    typeof raster.result.Output_Raster?.mapImage?.href === "string"
      && mapService === `${services}/Demo/BufferPoints/MapServer/jobs/${raster.result.jobId}`,
    JSON.stringify(raster.result).slice(0, 300));

  const mapJob = await (await fetch(`${mapService}?f=json&token=${encodeURIComponent(token)}`)).json();
  check("outputMapService GET -> the job, esriJobSucceeded",
    mapJob.jobId === raster.result.jobId && mapJob.jobStatus === "esriJobSucceeded", JSON.stringify(mapJob).slice(0, 300));
}

try {
  await main();
} catch (e) {
  unexpected(`${e?.name}: ${e?.message}`);
}
dom.window.close();
finish();
