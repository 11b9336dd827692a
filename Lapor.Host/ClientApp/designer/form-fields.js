// Reading and writing a user task's <camunda:formData><camunda:formField .../></camunda:formData> for the Lapor group:
// add a field, change its label, type and "required", remove it. Each change is one command (one undo step).
// Enum values and other constraints stay in Camunda's own Forms group.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

export const FIELD_TYPES = ['string', 'text', 'long', 'double', 'date', 'boolean', 'enum'];
export const FIELD_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

function create(bpmnFactory, type, attrs, parent) {
  const element = bpmnFactory.create(type, attrs);
  element.$parent = parent;
  return element;
}

function formDataOf(bo) {
  return (bo.get('extensionElements')?.get('values') ?? []).find(v => is(v, 'camunda:FormData'));
}

export function fieldsOf(element) {
  return formDataOf(getBusinessObject(element))?.get('fields') ?? [];
}

export function isRequired(field) {
  return (field.get('validation')?.get('constraints') ?? []).some(c => c.name === 'required' && c.config !== 'false');
}

function run(injector, commands) {
  injector.get('commandStack').execute('properties-panel.multi-command-executor', commands);
}

function update(commands, element, moddleElement, properties) {
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
}

/** Adds a text field with the given id (label = id); returns false when the id is not a usable, unused variable name. */
export function addField(injector, element, id) {
  const name = (id ?? '').trim();
  if (!FIELD_ID.test(name) || fieldsOf(element).some(f => f.id === name)) return false;
  const bpmnFactory = injector.get('bpmnFactory');
  const bo = getBusinessObject(element);
  const commands = [];
  let extensions = bo.get('extensionElements');
  if (!extensions) {
    extensions = create(bpmnFactory, 'bpmn:ExtensionElements', { values: [] }, bo);
    update(commands, element, bo, { extensionElements: extensions });
  }
  let formData = formDataOf(bo);
  if (!formData) {
    formData = create(bpmnFactory, 'camunda:FormData', { fields: [] }, extensions);
    update(commands, element, extensions, { values: [...extensions.get('values'), formData] });
  }
  const field = create(bpmnFactory, 'camunda:FormField', { id: name, label: name, type: 'string' }, formData);
  update(commands, element, formData, { fields: [...formData.get('fields'), field] });
  run(injector, commands);
  return true;
}

export function setFieldProperty(injector, element, field, properties) {
  const commands = [];
  update(commands, element, field, properties);
  run(injector, commands);
}

export function setRequired(injector, element, field, required) {
  const bpmnFactory = injector.get('bpmnFactory');
  const commands = [];
  let validation = field.get('validation');
  const others = (validation?.get('constraints') ?? []).filter(c => c.name !== 'required');
  if (required) {
    if (!validation) {
      validation = create(bpmnFactory, 'camunda:Validation', { constraints: [] }, field);
      update(commands, element, field, { validation });
    }
    const constraint = create(bpmnFactory, 'camunda:Constraint', { name: 'required' }, validation);
    update(commands, element, validation, { constraints: [...others, constraint] });
  } else if (validation) {
    update(commands, element, validation, { constraints: others });
  }
  if (commands.length) run(injector, commands);
}

export function removeField(injector, element, field) {
  const formData = formDataOf(getBusinessObject(element));
  if (!formData) return;
  const commands = [];
  update(commands, element, formData, { fields: formData.get('fields').filter(f => f !== field) });
  run(injector, commands);
}
