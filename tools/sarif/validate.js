// Usage: node validate.js FILE...
// Checks each file against the SARIF 2.1.0 schema and prints the
// errors of those that do not conform. Exits 1 if any does not.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemaFile = path.join(path.dirname(require.resolve("@microsoft/jest-sarif/package.json")), "lib", "schemas", "sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
// The schema has a pattern that is not valid as a Unicode regular
// expression, and keywords that strict mode rejects.
const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

if (process.argv.length < 3) {
  console.error("usage: node validate.js FILE...");
  process.exit(2);
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(data)) {
    console.log(file + ": valid SARIF 2.1.0");
  } else {
    failed = true;
    for (const e of validate.errors) {
      console.log(file + ": " + e.instancePath + " " + e.message);
    }
  }
}
process.exit(failed ? 1 : 0);
