// The "Lapor" group of the properties panel: candidate agencies and roles from the product's catalogue, the due
// date in working days, and the stage a citizen reads. Generic Camunda groups stay as they are.
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import { CheckboxEntry, Group, SelectEntry, TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { getCamundaProperty, setCamundaProperty } from './camunda-properties.js';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { FIELD_ID, FIELD_TYPES, addField, fieldsOf, isRequired, removeField, setFieldProperty, setRequired } from './form-fields.js';

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
      entries.push(...fieldEntries(element, catalogue));
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

// About eighty agencies, each as officer and supervisor: a list that long needs a search. Every word typed must
// appear in the choice's label, the agency's full name or its code ("kes dinas" finds Dinas Kesehatan).
function candidateChoices(element, catalogue) {
  const taken = new Set(groupsOf(element));
  const choices = [RESPONSIBLE, `${RESPONSIBLE}-supervisor`];
  for (const agency of catalogue.agencies) {
    choices.push(agency.code, `${agency.code}-supervisor`);
  }
  return choices.filter(c => !taken.has(c)).map(c => {
    const label = describeGroup(c, catalogue);
    const agency = catalogue.agencies.find(a => a.code === c.replace(/-supervisor$/, ''));
    return { value: c, label, haystack: `${label} ${agency?.name ?? ''} ${c}`.toLowerCase() };
  });
}

function matching(choices, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length ? choices.filter(c => words.every(w => c.haystack.includes(w))) : choices;
}

function AddCandidateEntry({ id, element, catalogue }) {
  const modeling = useService('modeling');
  const t = catalogue.texts;
  const [query, setQuery] = useState('');
  const shown = matching(candidateChoices(element, catalogue), query);
  const selectId = `bio-properties-panel-${id}`;
  const searchId = `bio-properties-panel-lapor-candidate-search`;
  const add = value => {
    if (!value) return;
    setGroups(modeling, element, [...groupsOf(element), value]);
    setQuery('');
  };
  return <div class="bio-properties-panel-entry" data-entry-id={id}>
    <label for={searchId} class="bio-properties-panel-label">{t.AgencySearch}</label>
    <input id={searchId} class="bio-properties-panel-input" type="search" spellcheck={false} autocomplete="off" value={query}
      placeholder={t.AgencySearchHint} aria-controls={selectId} onInput={e => setQuery(e.target.value)} />
    <div class="bio-properties-panel-description" id={`${searchId}-count`} aria-live="polite">
      {query.trim() ? (shown.length ? t.AgencyMatches.replace('{0}', String(shown.length)) : t.AgencyNone) : ''}
    </div>
    <label for={selectId} class="bio-properties-panel-label">{t.AddCandidate}</label>
    <select id={selectId} name={id} class="bio-properties-panel-input" value=""
      onChange={e => { const value = e.target.value; e.target.value = ''; add(value); }}>
      <option value="">{t.Choose}</option>
      {shown.map(c => <option key={c.value} value={c.value}>{c.label}</option>)}
    </select>
    <div class="bio-properties-panel-description">{t.Candidates}</div>
  </div>;
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

// --- form fields: camunda:formData, the form officers fill in on the task page --------------------------------------

function fieldEntries(element, catalogue) {
  const entries = [];
  for (const field of fieldsOf(element)) {
    const base = `lapor-field-${field.id}`;
    entries.push(
      { id: `${base}-label`, element, field, catalogue, component: FieldLabelEntry, isEdited: isTextFieldEntryEdited },
      { id: `${base}-type`, element, field, catalogue, component: FieldTypeEntry, isEdited: () => true },
      { id: `${base}-required`, element, field, catalogue, component: FieldRequiredEntry, isEdited: () => isRequired(field) },
      { id: `${base}-remove`, element, field, catalogue, component: FieldRemoveEntry, isEdited: () => false });
  }
  entries.push({ id: 'lapor-field-add', element, catalogue, component: AddFieldEntry, isEdited: () => false });
  return entries;
}

function FieldLabelEntry({ id, element, field, catalogue }) {
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  const t = catalogue.texts;
  return <TextFieldEntry id={id} element={element} debounce={debounce} label={t.FieldLabel.replace('{0}', field.id)}
    getValue={() => field.label ?? ''} setValue={value => setFieldProperty(injector, element, field, { label: (value ?? '').trim() || field.id })} />;
}

function FieldTypeEntry({ id, element, field, catalogue }) {
  const injector = useService('injector');
  const t = catalogue.texts;
  return <SelectEntry id={id} element={element} label={t.FieldType}
    getValue={() => field.type ?? 'string'} setValue={value => setFieldProperty(injector, element, field, { type: value })}
    getOptions={() => FIELD_TYPES.map(type => ({ value: type, label: t['FieldType_' + type] ?? type }))} />;
}

function FieldRequiredEntry({ id, element, field, catalogue }) {
  const injector = useService('injector');
  return <CheckboxEntry id={id} element={element} label={catalogue.texts.FieldRequired}
    getValue={() => isRequired(field)} setValue={checked => setRequired(injector, element, field, checked)} />;
}

function FieldRemoveEntry({ id, element, field, catalogue }) {
  const injector = useService('injector');
  return <div class="bio-properties-panel-entry" data-entry-id={id}>
    <button type="button" id={`bio-properties-panel-${id}`} class="btn btn-sm btn-outline-danger"
      onClick={() => removeField(injector, element, field)}>{catalogue.texts.FieldRemove.replace('{0}', field.id)}</button>
  </div>;
}

function AddFieldEntry({ id, element, catalogue }) {
  const injector = useService('injector');
  const t = catalogue.texts;
  // Typed into a plain input and added with the button or Enter, so a half-typed id never becomes a field.
  const [value, setValue] = useState('');
  const name = value.trim();
  const error = !name ? null : !FIELD_ID.test(name) ? t.FieldIdInvalid : fieldsOf(element).some(f => f.id === name) ? t.FieldIdTaken : null;
  const add = () => {
    if (name && !error && addField(injector, element, name)) setValue('');
  };
  const inputId = `bio-properties-panel-${id}`;
  return <div class="bio-properties-panel-entry" data-entry-id={id}>
    <label for={inputId} class="bio-properties-panel-label">{t.FieldAdd}</label>
    <div style="display: flex; gap: 4px;">
      <input id={inputId} class="bio-properties-panel-input" type="text" spellcheck={false} autocomplete="off" value={value}
        onInput={e => setValue(e.target.value)} onKeyDown={e => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
      <button type="button" id={`${inputId}-button`} class="btn btn-sm btn-outline-primary" disabled={!name || !!error} onClick={add}>+</button>
    </div>
    {error && <div class="bio-properties-panel-error">{error}</div>}
    <div class="bio-properties-panel-description">{t.FieldAddHelp}</div>
  </div>;
}
