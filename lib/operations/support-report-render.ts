import type { ReportField, ReportSection, SupportReport } from "./support-report";

/**
 * The two forms of a support report. Markdown: headings, the ids as a list of code spans, the request ids as a table,
 * and Azure's text (the root cause, the tree) in fenced blocks, so neither indentation nor Markdown characters in
 * Azure's words can change what is shown. Plain text: the same content under underlined headings.
 */

export function reportToMarkdown(report: SupportReport): string {
  const out = [`# ${inline(report.title)}`, "", `Generated ${inline(report.generatedAt)} by opwatch.`];
  for (const section of report.sections) {
    out.push("", `## ${inline(section.heading)}`, "");
    if (section.kind === "fields") out.push(...section.fields.map((f) => `- **${inline(f.name)}:** ${mdValue(f)}`));
    else if (section.kind === "block") out.push(...fenced(section.lines));
    else if (section.rows.length === 0) out.push("No response has been read yet.");
    else {
      out.push(`| ${section.columns.map(inline).join(" | ")} |`, `|${section.columns.map(() => " --- |").join("")}`);
      for (const row of section.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    }
  }
  return `${out.join("\n")}\n`;
}

export function reportToText(report: SupportReport): string {
  const out = [report.title, "=".repeat(Math.min(report.title.length, 72)), `Generated ${report.generatedAt} by opwatch.`];
  for (const section of report.sections) out.push("", section.heading, "-".repeat(section.heading.length), ...textLines(section));
  return `${out.join("\n")}\n`;
}

function textLines(section: ReportSection): string[] {
  if (section.kind === "fields") return section.fields.map((f) => `${f.name}: ${f.value}`);
  if (section.kind === "block") return section.lines;
  if (section.rows.length === 0) return ["No response has been read yet."];
  // One read per paragraph of "name: value" lines: ids are too long for aligned columns in a chat.
  return section.rows.flatMap((row, r) => [...(r > 0 ? [""] : []), ...row.map((value, i) => `${section.columns[i] ?? ""}: ${value}`)]);
}

const mdValue = (field: ReportField): string => (field.kind === "id" ? codeSpan(field.value) : inline(field.value));

/** Prose in a Markdown line: the characters that start emphasis, code, links, HTML, tables or strikethrough escaped. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>!|~&]/g, "\\$&");
}

/** A code span whose delimiter is longer than any run of backticks inside, so the content cannot end it. */
function codeSpan(text: string): string {
  if (text === "") return "—";
  const fence = "`".repeat(longestRun(text) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: a code span, with `|` escaped (GFM splits cells at a bare pipe even inside code). */
const cell = (text: string): string => (text === "—" ? text : codeSpan(text).replace(/\|/g, "\\|"));

/** Lines in a fence longer than any backtick run inside them, so no line can close it. */
function fenced(lines: readonly string[]): string[] {
  const fence = "`".repeat(Math.max(3, ...lines.map((l) => longestRun(l) + 1)));
  return [`${fence}text`, ...lines, fence];
}

function longestRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
