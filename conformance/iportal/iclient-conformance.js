// Drives the iPortal emulator with SuperMap's own JavaScript clients and prints one line per step.
// 11.1.1: login, token, register (and a duplicate), gateway search, resource load, delete by ids.
// 9.1.2: service listing with its unquoted query string, get by id, update, delete by ids.
// Env: IPORTAL_URL (http://127.0.0.1:<port>/iportal), IPORTAL_USER, IPORTAL_PASSWORD. Exits 1 on any mismatch.
import { SecurityManager } from "iclient11/security/SecurityManager";
import { ServerInfo } from "iclient11/security/ServerInfo";
import { TokenServiceParameter } from "iclient11/security/TokenServiceParameter";
import { ServerType } from "iclient11/REST";
import { IPortal } from "iclient11/iPortal/iPortal";
import { IPortalUser } from "iclient11/iPortal/iPortalUser";
import { IPortalQueryParam } from "iclient11/iPortal/iPortalQueryParam";
import { IPortalRegisterServiceParam } from "iclient11/iPortal/iPortalRegisterServiceParam";
import { SecurityManager as SecurityManager9 } from "iclient9/security/SecurityManager";
import { IPortal as IPortal9 } from "iclient9/iPortal/iPortal";
import { IPortalServicesQueryParam } from "iclient9/iPortal/iPortalServicesQueryParam";

const url = process.env.IPORTAL_URL;
const username = process.env.IPORTAL_USER;
const password = process.env.IPORTAL_PASSWORD;
const link = "http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer";

function check(condition, step, detail) {
    if (!condition) {
        throw new Error(step + " failed: " + JSON.stringify(detail));
    }
}

function registerParam(linkage) {
    return new IPortalRegisterServiceParam({
        type: "ARCGIS_REST",
        tags: ["conformance"],
        entities: [{ entityType: "USER", entityName: "GUEST", permissionType: "READ" }],
        metadata: {
            dataIdInfo: { dataIdent: { idCitation: { resTitle: "Elevation" }, idAbs: "" } },
            distInfo: { onLineSrc: { linkage } }
        }
    });
}

async function main() {
    const login = await SecurityManager.loginiPortal(url, username, password);
    check(login.succeed === true, "login", login);
    console.log("login succeed=" + login.succeed);

    SecurityManager.registerServers([new ServerInfo(ServerType.IPORTAL, { server: url })]);
    const token = await SecurityManager.generateToken(url,
        new TokenServiceParameter({ userName: username, password, clientType: "NONE", expiration: 60 }));
    check(typeof token === "string" && token.endsWith(".."), "token", "bare token expected");
    SecurityManager.registerToken(url, token);
    console.log("token bare=true");

    const user = new IPortalUser(url);
    const registered = await user.registerService(registerParam(link));
    check(registered.succeed === true && typeof registered.newResourceID === "string", "register", registered);
    const id = Number(registered.newResourceID);
    console.log("register succeed=true id=" + registered.newResourceID + " idType=" + typeof registered.newResourceID);

    const duplicate = await user.registerService(registerParam(link));
    check(duplicate.succeed === false && duplicate.error, "duplicate", duplicate);
    console.log("duplicate succeed=false code=" + duplicate.error.code);

    const found = await new IPortal(url).queryResources(new IPortalQueryParam({ resourceType: "SERVICE" }));
    check(found.total === 1 && found.content[0].resourceId === id, "search", found.total);
    console.log("search total=" + found.total + " resourceId=" + found.content[0].resourceId);
    await found.content[0].load();
    check(found.content[0].sourceJSON.linkPage === link, "resource load", found.content[0].sourceJSON.linkPage);
    console.log("resource load linkPage=" + found.content[0].sourceJSON.linkPage);

    SecurityManager9.registerToken(url, token);
    const portal9 = new IPortal9(url);
    const listed = await portal9.queryServices(new IPortalServicesQueryParam({
        tags: ["conformance"], keywords: ["Elev"], currentPage: 1, pageSize: 9 }));
    check(listed.length === 1 && listed[0].id === id, "list", listed.length);
    console.log("list count=" + listed.length + " id=" + listed[0].id);

    const service = listed[0];
    await service.load();
    check(service.linkPage === link && service.metadata !== null, "get", service.linkPage);
    console.log("get resTitle=" + service.resTitle + " linkPage=" + service.linkPage);

    service.tags = ["conformance", "updated"];
    const updated = await service.update();
    await service.load();
    check(updated.succeed === true && service.tags.includes("updated"), "update", updated);
    console.log("update succeed=true tags=" + service.tags.join(","));

    const deleted9 = await portal9.deleteServices([id]);
    check(deleted9.succeed === true, "delete 9.1.2", deleted9);
    console.log("delete9 succeed=true");

    const second = await user.registerService(registerParam(link + "/2"));
    const deleted11 = await user.deleteResources({ resourceType: "SERVICE", ids: [Number(second.newResourceID)] });
    check(deleted11.succeed === true, "delete 11.1.1", deleted11);
    const left = await portal9.queryServices(new IPortalServicesQueryParam({ currentPage: 1, pageSize: 9 }));
    check(left.length === 0, "empty after deletes", left.length);
    console.log("delete11 succeed=true remaining=" + left.length);
}

main().then(() => console.log("CONFORMANCE OK"), (e) => {
    console.error("CONFORMANCE FAILED: " + e.message);
    process.exit(1);
});
