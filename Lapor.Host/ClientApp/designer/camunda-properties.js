// Reading and writing <camunda:properties><camunda:property name=".." value=".."/> on an element, through the
// properties panel's multi-command, so one edit is one undo step.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

function create(bpmnFactory, type, attrs, parent) {
  const element = bpmnFactory.create(type, attrs);
  element.$parent = parent;
  return element;
}

function propertiesOf(bo) {
  return (bo.get('extensionElements')?.get('values') ?? []).find(v => is(v, 'camunda:Properties'));
}

export function getCamundaProperty(element, name) {
  const properties = propertiesOf(getBusinessObject(element));
  return (properties?.get('values') ?? []).find(p => p.name === name)?.value;
}

export function setCamundaProperty(injector, element, name, value) {
  const bpmnFactory = injector.get('bpmnFactory');
  const commandStack = injector.get('commandStack');
  const bo = getBusinessObject(element);
  const commands = [];
  const update = (moddleElement, properties) =>
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });

  let extensions = bo.get('extensionElements');
  let properties = propertiesOf(bo);
  const existing = (properties?.get('values') ?? []).find(p => p.name === name);
  const text = (value ?? '').trim();

  if (!text) {
    if (existing) {
      update(properties, { values: properties.get('values').filter(p => p !== existing) });
      commandStack.execute('properties-panel.multi-command-executor', commands);
    }
    return;
  }
  if (existing) {
    update(existing, { value: text });
  } else {
    if (!extensions) {
      extensions = create(bpmnFactory, 'bpmn:ExtensionElements', { values: [] }, bo);
      update(bo, { extensionElements: extensions });
    }
    if (!properties) {
      properties = create(bpmnFactory, 'camunda:Properties', { values: [] }, extensions);
      update(extensions, { values: [...extensions.get('values'), properties] });
    }
    const property = create(bpmnFactory, 'camunda:Property', { name, value: text }, properties);
    update(properties, { values: [...properties.get('values'), property] });
  }
  commandStack.execute('properties-panel.multi-command-executor', commands);
}
