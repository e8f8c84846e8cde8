// The verdict shared by the conformance scripts: one printed line per behaviour that holds, a MISMATCH line for
// each that does not, and an exit code that says which happened.

// A client that waits for a status the server never reports would otherwise hang until the caller gives up.
setTimeout(() => {
  console.log("MISMATCH unexpected failure: no verdict within 60 s");
  process.exit(1);
}, 60_000);

let mismatches = 0;

export function check(line, holds, observed) {
  if (holds) {
    console.log(line);
  } else {
    mismatches++;
    console.log(`MISMATCH ${line}: ${observed}`);
  }
}

/** A failure no check expected; the description must not carry a token or a password. */
export function unexpected(description) {
  mismatches++;
  console.log(`MISMATCH unexpected failure: ${description}`);
}

export function finish() {
  console.log(mismatches === 0 ? "CONFORMANCE OK" : `CONFORMANCE FAILED mismatches=${mismatches}`);
  process.exit(mismatches === 0 ? 0 : 1);
}
