// Drives Esri's own client, @esri/arcgis-rest-request, against the ArcGIS Server emulator: the token flow with the
// server-token exchange, the services directory, a whole GP job lifecycle, a cancelled job and a forced 498.
// Prints one line per checked behaviour ("MISMATCH <line>: <what happened>" when it does not hold) and exits
// non-zero on any mismatch.
//
// Usage: ARCGIS_PASSWORD=<password> node arcgis-rest-js-conformance.mjs <siteUrl> <username>
//   siteUrl: the site root, e.g. http://127.0.0.1:6080/arcgis (REST-JS wants the root, not .../rest/services)
// The password comes from the environment so that it never shows in a process list.
import { ArcGISIdentityManager, JOB_STATUSES, Job, request } from "@esri/arcgis-rest-request";
import { check, finish, unexpected } from "./verdict.mjs";

const [site, username] = process.argv.slice(2);
const password = process.env.ARCGIS_PASSWORD;
if (!site || !username || !password) {
  console.error("usage: ARCGIS_PASSWORD=<password> node arcgis-rest-js-conformance.mjs <siteUrl> <username>");
  process.exit(2);
}

const services = `${site}/rest/services`;
const task = `${services}/Demo/BufferPoints/GPServer/BufferPoints`;
// Job's default polling rate is 2 s; tests run the emulator with short GP timings.
const POLLING_MS = 100;
const POINTS = {
  geometryType: "esriGeometryPoint",
  spatialReference: { wkid: 4326 },
  fields: [{ name: "Name", type: "esriFieldTypeString", alias: "Name" }],
  features: [
    { geometry: { x: 13.40, y: 52.52 }, attributes: { Name: "Berlin" } },
    { geometry: { x: 2.35, y: 48.86 }, attributes: { Name: "Paris" } },
    { geometry: { x: -0.13, y: 51.51 }, attributes: { Name: "London" } }
  ]
};

/** What a failed call threw, without its URL or options (they can carry the token). */
function describe(error) {
  return `${error?.name}: ${error?.message}`;
}

function names(list) {
  return list.map((s) => (typeof s === "string" ? s : `${s.name}/${s.type}`)).join(",");
}

/**
 * Two of the emulator's switches (docs/server-assumptions.md) set to what REST-JS 4.10.2 can handle, through its
 * control API; every other switch keeps the emulator's profile (strict by default, so JSON arrives as text/plain,
 * which REST-JS parses anyway):
 * - servicesTokenExpires=number: fetchToken does new Date(response.expires), an Invalid Date for a string;
 * - resultsLagReads=1: getAllResults() reads the results from one fresh status read after waitForCompletion
 *   resolved on a Succeeded read, and fails on Object.keys(undefined) if that read lacks them too.
 */
async function setVariants() {
  const wanted = { servicesTokenExpires: "NUMBER", resultsLagReads: 1 };
  const reply = await fetch(`${new URL(site).origin}/__emulator/variants`,
    { method: "POST", body: new URLSearchParams(Object.entries(wanted).map(([k, v]) => [k, String(v)])) });
  const variants = await reply.json();
  check("variants servicesTokenExpires=NUMBER resultsLagReads=1",
    reply.ok && variants.servicesTokenExpires === "NUMBER" && variants.resultsLagReads === 1, JSON.stringify(variants));
}

async function tokenFlow() {
  const info = await request(`${site}/rest/info`);
  check(`info isTokenBasedSecurity=true tokenServicesUrl=<site>/tokens/generateToken`,
    info.authInfo?.isTokenBasedSecurity === true && info.authInfo?.tokenServicesUrl === `${site}/tokens/generateToken`,
    JSON.stringify(info.authInfo));

  const manager = new ArcGISIdentityManager({ server: site, username, password });
  await manager.refreshCredentials();
  check("refreshCredentials user token issued, expires in the future",
    typeof manager.token === "string" && manager.token.length > 0 && manager.tokenExpires?.getTime() > Date.now(),
    `expires=${manager.tokenExpires}`);

  const serverToken = await manager.getToken(services);
  const again = await manager.getToken(`${services}/Secured`);
  check("getToken exchanged the user token for a server token, cached for the site",
    typeof serverToken === "string" && serverToken.length > 0 && serverToken !== manager.token && again === serverToken,
    `distinct=${serverToken !== manager.token} cached=${again === serverToken}`);
  return manager;
}

async function directory(manager) {
  const root = await request(services, { httpMethod: "GET", authentication: manager });
  console.log(`services root GET folders=${names(root.folders)} services=${names(root.services)}`);

  const basemaps = await request(`${services}/Basemaps`, { httpMethod: "GET", authentication: manager });
  console.log(`folder Basemaps GET services=${names(basemaps.services)}`);

  try {
    await request(`${services}/Secured`, { httpMethod: "GET" });
    check("folder Secured GET anonymous -> ArcGISAuthError 499", false, "answered without a token");
  } catch (e) {
    check("folder Secured GET anonymous -> ArcGISAuthError 499",
      e.name === "ArcGISAuthError" && e.response?.error?.code === 499, describe(e));
  }

  const secured = await request(`${services}/Secured`, { httpMethod: "GET", authentication: manager });
  console.log(`folder Secured GET with token services=${names(secured.services)}`);

  // REST-JS POSTs export with f=json, as it does every request; a secured folder's map service needs the token.
  const exported = await request(`${services}/Secured/Parcels/MapServer/export`, { authentication: manager,
    params: { bbox: "-10,-10,10,10", bboxSR: 4326, imageSR: 4326, size: "256,256", format: "png" } });
  const image = await fetch(`${exported.href}?token=${encodeURIComponent(await manager.getToken(services))}`);
  const bytes = new Uint8Array(await image.arrayBuffer());
  check("map export Secured/Parcels POST f=json -> {href:*.png, width:256, height:256, extent}, href -> PNG",
    exported.href?.endsWith(".png") && exported.width === 256 && exported.height === 256
      && exported.extent?.spatialReference?.wkid === 4326 && image.ok
      && image.headers.get("content-type") === "image/png" && bytes[1] === 0x50 && bytes[2] === 0x4e,
    `${JSON.stringify(exported)} href HTTP ${image.status} ${image.headers.get("content-type")}`);

  const metadata = await request(task, { httpMethod: "GET", authentication: manager });
  const params = (direction) => metadata.parameters
    .filter((p) => p.direction === `esriGPParameterDirection${direction}`).map((p) => p.name).join(",");
  console.log(`task ${metadata.name} executionType=${metadata.executionType} inputs=${params("Input")} outputs=${params("Output")}`);
}

function submit(manager) {
  return Job.submitJob({
    url: task,
    params: { Input_Features: POINTS, Distance: { distance: 250, units: "esriMeters" } },
    authentication: manager,
    // waitForCompletion() polls every 2 s whatever pollingRate says; only monitoring started here uses it.
    startMonitoring: true,
    pollingRate: POLLING_MS
  });
}

function checkResult(results, name, dataType, valueHolds, valueText) {
  const result = results[name];
  check(`result ${name} dataType=${dataType} value=${valueText}`,
    result?.paramName === name && result?.dataType === dataType && valueHolds(result.value),
    JSON.stringify(result).slice(0, 300));
}

async function jobLifecycle(manager) {
  const job = await submit(manager);
  console.log(`submitJob id=${job.id}`);
  const seen = new Set();
  job.on(JOB_STATUSES.Status, (info) => seen.add(info.status));
  try {
    const done = await job.waitForCompletion();
    check("waitForCompletion status=Succeeded, Executing seen while polling",
      done.status === JOB_STATUSES.Success && seen.has(JOB_STATUSES.Executing), `seen=${[...seen]}`);

    // BufferPoints has a result map service: without returnType=data, which REST-JS does not send, the server
    // answers its feature and raster outputs with a map image.
    const results = await job.getAllResults();
    const count = POINTS.features.length;
    const mapImage = (v) => typeof v?.mapImage?.href === "string" && v.mapImage.href.endsWith(".png")
      && v.mapImage.width > 0 && v.mapImage.height > 0 && v.mapImage.extent !== undefined;
    checkResult(results, "Output_Buffers", "GPFeatureRecordSetLayer", mapImage, "{mapImage:{href:*.png, width, height, extent}}");
    checkResult(results, "Output_Raster", "GPRasterDataLayer", mapImage, "{mapImage:{href:*.png, width, height, extent}}");
    checkResult(results, "Output_Report", "GPDataFile", (v) => typeof v?.url === "string", "{url}");
    checkResult(results, "Output_Count", "GPLong", (v) => v === count, `${count}`);

    // A fresh read: with the results lag the Succeeded info that ended the wait has no results yet.
    const paramUrls = (await job.getJobInfo()).results;
    const data = {};
    for (const name of ["Output_Buffers", "Output_Raster"]) {
      data[name] = await request(`${job.jobUrl}/${paramUrls[name].paramUrl}`,
        { params: { returnType: "data" }, authentication: manager });
    }
    checkResult(data, "Output_Buffers", "GPFeatureRecordSetLayer",
      (v) => v?.geometryType === "esriGeometryPolygon" && v.features?.length === count && v.exceededTransferLimit === false,
      `featureSet(esriGeometryPolygon, ${count} features) with returnType=data`);
    checkResult(data, "Output_Raster", "GPRasterDataLayer",
      (v) => typeof v?.url === "string" && v.url.endsWith(".tif") && v.format === "tif",
      "{url:*.tif, format:tif} with returnType=data");

    // REST-JS has no download helper: users fetch value.url with the site's token. getToken() cannot be asked
    // for a rest/directories URL: it finds the server root only by cutting at /rest/services.
    const rasterUrl = new URL(data.Output_Raster.value.url);
    rasterUrl.searchParams.set("token", await manager.getToken(services));
    const raster = Buffer.from(await (await fetch(rasterUrl)).arrayBuffer());
    check("download Output_Raster with token -> GeoTIFF", raster.subarray(0, 4).equals(Buffer.from("II*\0", "latin1")),
      `first bytes ${raster.subarray(0, 4).toString("hex")}`);
  } finally {
    job.stopEventMonitoring();
  }
}

async function cancelledJob(manager) {
  const job = await submit(manager);
  try {
    // The server refuses to cancel a job that is still Submitted, so wait until it executes.
    await new Promise((resolve) => job.once(JOB_STATUSES.Executing, resolve));
    const cancel = await job.cancelJob();
    check("cancelJob while Executing -> esriJobCancelling", cancel.jobStatus === "esriJobCancelling",
      JSON.stringify(cancel));

    try {
      await job.waitForCompletion();
      check("waitForCompletion of the cancelled job -> ArcGISJobError", false, "resolved");
    } catch (e) {
      check("waitForCompletion of the cancelled job -> ArcGISJobError",
        e.name === "ArcGISJobError" && [JOB_STATUSES.Cancelling, JOB_STATUSES.Cancelled].includes(e.status), describe(e));
    }

    const final = await new Promise((resolve) => {
      job.on(JOB_STATUSES.Status, (info) => {
        if (info.status !== JOB_STATUSES.Cancelling) {
          resolve(info);
        }
      });
    });
    check("cancelled job ends esriJobCancelled", final.status === JOB_STATUSES.Cancelled, final.status);
  } finally {
    job.stopEventMonitoring();
  }
}

/**
 * A token the server stops honouring before its advertised expiry (EXPIRE_TOKENS through the emulator's control
 * API). request() answers a 498 by refreshing the manager once and retrying, but for a stand-alone server REST-JS
 * 4.10.2 refreshes only the user token: getToken() keeps handing out the server token cached from the exchange,
 * so the retry gets 498 again. A new manager recovers (after refreshCredentials(), as every manager for a server
 * needs: the exchange cannot start without a user token).
 */
async function expiredToken(manager) {
  const control = `${new URL(site).origin}/__emulator/faults?fault=EXPIRE_TOKENS&times=1`;
  const armed = await fetch(control, { method: "POST" });
  check("EXPIRE_TOKENS armed", armed.ok, `HTTP ${armed.status}`);

  const userToken = manager.token;
  try {
    await request(`${services}/Secured`, { httpMethod: "GET", authentication: manager });
    check("after EXPIRE_TOKENS: user token refreshed, retry with the cached server token -> ArcGISAuthError 498",
      false, "the call succeeded");
  } catch (e) {
    check("after EXPIRE_TOKENS: user token refreshed, retry with the cached server token -> ArcGISAuthError 498",
      e.name === "ArcGISAuthError" && e.response?.error?.code === 498 && manager.token !== userToken, describe(e));
  }

  const fresh = new ArcGISIdentityManager({ server: site, username, password });
  await fresh.refreshCredentials();
  const secured = await request(`${services}/Secured`, { httpMethod: "GET", authentication: fresh });
  check("after EXPIRE_TOKENS: a new manager gets fresh tokens and folder Secured answers",
    Array.isArray(secured.services), JSON.stringify(secured).slice(0, 200));
}

try {
  await setVariants();
  const manager = await tokenFlow();
  await directory(manager);
  await jobLifecycle(manager);
  await cancelledJob(manager);
  await expiredToken(manager);
} catch (e) {
  unexpected(describe(e));
}
finish();
