// The "Lapor" group of the properties panel: candidate agencies and roles from the product's catalogue, the due
// date in working days, and the stage a citizen reads. Generic Camunda groups stay as they are.
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import { CheckboxEntry, Group, SelectEntry, TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { getCamundaProperty, setCamundaProperty } from './camunda-properties.js';

const LOW_PRIORITY = 400;
const RESPONSIBLE = '${agency}';
const WORKING_DAYS = /^P(\d+)WD$/;

function LaporPropertiesProvider(propertiesPanel, injector, config) {
  const catalogue = config || { agencies: [], texts: {} };
  this.getGroups = element => groups => {
    if (!is(element, 'bpmn:FlowNode')) {
      return groups;
    }
    const entries = [];
    if (is(element, 'bpmn:UserTask')) {
      entries.push(...candidateEntries(element, catalogue));
      entries.push({ id: 'lapor-due-days', element, catalogue, component: DueDaysEntry, isEdited: isTextFieldEntryEdited });
    }
    entries.push(
      { id: 'lapor-stage', element, catalogue, name: 'stage', label: catalogue.texts.Stage, component: StageEntry, isEdited: isTextFieldEntryEdited },
      { id: 'lapor-stage-en', element, catalogue, name: 'stage.en', label: catalogue.texts.StageEn, component: StageEntry, isEdited: isTextFieldEntryEdited }
    );
    // Right after the general group, where a coordinator looks first.
    const at = groups.findIndex(g => g.id === 'general');
    groups.splice(at < 0 ? 0 : at + 1, 0, { id: 'lapor', label: catalogue.texts.Group, entries, component: Group, shouldOpen: true });
    return groups;
  };
  // After getGroups exists: the panel refuses a provider without it.
  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

LaporPropertiesProvider.$inject = ['propertiesPanel', 'injector', 'config.laporCatalogue'];

export default {
  __init__: ['laporPropertiesProvider'],
  laporPropertiesProvider: ['type', LaporPropertiesProvider]
};

// --- candidate groups: camunda:candidateGroups as a comma-separated list -----------------------------------------

function groupsOf(element) {
  return (getBusinessObject(element).get('camunda:candidateGroups') ?? '')
    .split(',').map(g => g.trim()).filter(Boolean);
}

function setGroups(modeling, element, groups) {
  modeling.updateProperties(element, { 'camunda:candidateGroups': groups.length ? groups.join(',') : undefined });
}

function describeGroup(group, catalogue) {
  const t = catalogue.texts;
  if (group === RESPONSIBLE) return t.Responsible;
  if (group === `${RESPONSIBLE}-supervisor`) return t.ResponsibleSupervisor;
  const supervisor = group.endsWith('-supervisor');
  const code = supervisor ? group.slice(0, -'-supervisor'.length) : group;
  const agency = catalogue.agencies.find(a => a.code === code);
  return agency ? `${agency.shortName} (${supervisor ? t.Supervisor : t.Officer})` : group;
}

function candidateEntries(element, catalogue) {
  const entries = groupsOf(element).map(group => ({
    id: `lapor-candidate-${group}`, element, group, catalogue, component: CandidateEntry, isEdited: () => true
  }));
  entries.push({ id: 'lapor-candidate-add', element, catalogue, component: AddCandidateEntry, isEdited: () => false });
  return entries;
}

function CandidateEntry({ id, element, group, catalogue }) {
  const modeling = useService('modeling');
  const setValue = checked => {
    const groups = groupsOf(element).filter(g => g !== group);
    setGroups(modeling, element, checked ? [...groups, group] : groups);
  };
  return <CheckboxEntry id={id} element={element} label={describeGroup(group, catalogue)}
    getValue={() => groupsOf(element).includes(group)} setValue={setValue} />;
}

function AddCandidateEntry({ id, element, catalogue }) {
  const modeling = useService('modeling');
  const t = catalogue.texts;
  const getOptions = () => {
    const taken = new Set(groupsOf(element));
    const choices = [RESPONSIBLE, `${RESPONSIBLE}-supervisor`];
    for (const agency of catalogue.agencies) {
      choices.push(agency.code, `${agency.code}-supervisor`);
    }
    return [{ value: '', label: t.Choose }].concat(
      choices.filter(c => !taken.has(c)).map(c => ({ value: c, label: describeGroup(c, catalogue) })));
  };
  const setValue = value => value && setGroups(modeling, element, [...groupsOf(element), value]);
  return <SelectEntry id={id} element={element} label={t.AddCandidate} description={t.Candidates}
    getValue={() => ''} setValue={setValue} getOptions={getOptions} />;
}

// --- due date in working days: camunda:dueDate "PnWD" -------------------------------------------------------------

function DueDaysEntry({ id, element, catalogue }) {
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const t = catalogue.texts;
  const current = getBusinessObject(element).get('camunda:dueDate');
  const other = current && !WORKING_DAYS.test(current);
  const getValue = () => WORKING_DAYS.exec(getBusinessObject(element).get('camunda:dueDate') ?? '')?.[1] ?? '';
  const validate = value => (!value || /^[1-9]\d{0,2}$/.test(value.trim()) ? null : t.DueInvalid);
  const setValue = (value, error) => {
    if (error) return;
    const days = (value ?? '').trim();
    // Emptying the field only clears a working-day deadline; an expression or date written elsewhere stays.
    if (!days && other) return;
    modeling.updateProperties(element, { 'camunda:dueDate': days ? `P${days}WD` : undefined });
  };
  return <TextFieldEntry id={id} element={element} debounce={debounce} label={t.DueDays}
    description={other ? t.DueOther.replace('{0}', current) : t.DueHelp}
    getValue={getValue} setValue={setValue} validate={validate} />;
}

// --- citizen-readable stage: camunda:property "stage" / "stage.en" -------------------------------------------------

function StageEntry({ id, element, name, label }) {
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  return <TextFieldEntry id={id} element={element} debounce={debounce} label={label}
    getValue={() => getCamundaProperty(element, name) ?? ''} setValue={value => setCamundaProperty(injector, element, name, value)} />;
}
