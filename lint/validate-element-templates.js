// Validates every Camunda Modeler element template under ../.camunda/element-templates
// against Camunda's published JSON schema. Exits non-zero, naming file and problem, if one fails.
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const dir = path.join(__dirname, '..', '.camunda', 'element-templates');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
let failures = 0;
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const templates = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  for (const template of [].concat(templates)) {
    if (!validate(template)) {
      failures++;
      console.error(`${file} (${template.id}):`);
      for (const e of validate.errors) console.error(`  ${e.instancePath || '/'} ${e.message}`);
    }
  }
}
console.log(`element templates: ${files.length} files, ${failures} invalid`);
process.exit(failures === 0 && files.length > 0 ? 0 : 1);
