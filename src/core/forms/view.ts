/**
 * A whole form as one view: what adapters with a native form surface (Slack modals)
 * render. Step-by-step adapters never see this; they get one question at a time.
 */
export interface FormFieldView {
  name: string;
  kind: 'single' | 'multi' | 'text' | 'number' | 'date';
  label: string;
  hint?: string;
  optional: boolean;
  options?: { label: string; value: string }[];
  initial?: string | string[];
  maxLength?: number;
  /** Show a date or time picker instead of a list, where the platform has one. */
  picker?: 'date' | 'time';
  min?: number;
  max?: number;
}

export interface FormView {
  /** Sent back with the submit, so the engine knows which form and session it was. */
  data: string;
  title: string;
  submitLabel: string;
  /** Label of the control that closes the form without saving. */
  cancelLabel: string;
  fields: FormFieldView[];
}
