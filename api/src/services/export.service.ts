// Everything out, as CSV: customers (with their read model), the ledger, feedback, incidents,
// alerts and the audit log, read page by page in id order, so a million rows never sit in memory at once.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Locale } from '../domain/types.ts';
import { renderLedgerEntry } from '../domain/points/ledger-sentence.ts';
import { tenantDb } from '../runtime.ts';

export const EXPORT_KINDS = ['customers', 'ledger', 'feedback', 'incidents', 'alerts', 'audit'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Rows per database round trip while streaming. */
const PAGE = 1000;

type Cell = string | number | boolean | Date | null;
interface Column<Row> {
  en: string;
  da: string;
  value: (row: Row) => Cell;
}

const customerNumber = { en: 'Customer number', da: 'Kundenummer' };

/** Reads one page after `after` (an id; '' for the first) and the columns that write a row. */
function exportOf(caller: AuthenticatedCaller, kind: ExportKind): Export {
  const db = tenantDb(caller);
  const page = { orderBy: { id: 'asc' as const }, take: PAGE };
  const after = (id: string) => (id ? { id: { gt: id } } : {});
  const customer = { select: { externalId: true, locale: true } };
  switch (kind) {
    case 'customers':
      return define(
        // The columns written, no more: the read model's explanations (JSON) would be most of a page.
        (id) =>
          db.customer.findMany({
            ...page,
            where: after(id),
            select: {
              id: true,
              externalId: true,
              name: true,
              email: true,
              phone: true,
              locale: true,
              tier: true,
              pointsBalance: true,
              riskLevel: true,
              riskScore: true,
              engagement: true,
              satisfaction: true,
              createdAt: true,
            },
          }),
        [
          { en: 'Customer number', da: 'Kundenummer', value: (row) => row.externalId },
          { en: 'Name', da: 'Navn', value: (row) => row.name },
          { en: 'Email', da: 'E-mail', value: (row) => row.email },
          { en: 'Phone', da: 'Telefon', value: (row) => row.phone },
          { en: 'Language', da: 'Sprog', value: (row) => row.locale },
          { en: 'Tier', da: 'Niveau', value: (row) => row.tier },
          { en: 'Points balance', da: 'Pointsaldo', value: (row) => row.pointsBalance },
          { en: 'Risk level', da: 'Risikoniveau', value: (row) => row.riskLevel },
          { en: 'Risk score', da: 'Risikoscore', value: (row) => row.riskScore },
          { en: 'Engagement', da: 'Engagement', value: (row) => row.engagement },
          { en: 'Satisfaction', da: 'Tilfredshed', value: (row) => row.satisfaction },
          { en: 'Created', da: 'Oprettet', value: (row) => row.createdAt },
        ],
      );
    case 'ledger':
      return define(
        (id) => db.pointsEntry.findMany({ ...page, where: after(id), include: { customer } }),
        [
          { ...customerNumber, value: (row) => row.customer.externalId },
          { en: 'Date', da: 'Dato', value: (row) => row.occurredAt },
          { en: 'Kind', da: 'Art', value: (row) => row.kind },
          { en: 'Points', da: 'Point', value: (row) => row.delta },
          { en: 'Balance after', da: 'Saldo efter', value: (row) => row.balanceAfter },
          {
            en: 'Explanation',
            da: 'Forklaring',
            value: (row) => renderLedgerEntry(row.reason, row.reasonParams, row.customer.locale as Locale),
          },
        ],
      );
    case 'feedback':
      return define(
        (id) => db.feedback.findMany({ ...page, where: after(id), include: { customer } }),
        [
          { ...customerNumber, value: (row) => row.customer.externalId },
          { en: 'Date', da: 'Dato', value: (row) => row.occurredAt },
          { en: 'Score', da: 'Score', value: (row) => row.score },
          { en: 'Option', da: 'Valg', value: (row) => row.option },
          { en: 'Comment', da: 'Kommentar', value: (row) => row.comment },
          { en: 'Channel', da: 'Kanal', value: (row) => row.channel },
        ],
      );
    case 'incidents':
      return define(
        (id) => db.incident.findMany({ ...page, where: after(id), include: { customer } }),
        [
          { ...customerNumber, value: (row) => row.customer.externalId },
          { en: 'Title', da: 'Titel', value: (row) => row.title },
          { en: 'Category', da: 'Kategori', value: (row) => row.category },
          { en: 'Severity', da: 'Alvor', value: (row) => row.severity },
          { en: 'Status', da: 'Status', value: (row) => row.status },
          { en: 'Opened', da: 'Åbnet', value: (row) => row.openedAt },
          { en: 'SLA due', da: 'SLA-frist', value: (row) => row.slaDueAt },
          { en: 'Resolved', da: 'Løst', value: (row) => row.resolvedAt },
          { en: 'Resolution', da: 'Løsning', value: (row) => row.resolution },
        ],
      );
    case 'alerts':
      return define(
        (id) => db.alert.findMany({ ...page, where: after(id), include: { customer } }),
        [
          { ...customerNumber, value: (row) => row.customer.externalId },
          { en: 'Kind', da: 'Art', value: (row) => row.kind },
          { en: 'Severity', da: 'Alvor', value: (row) => row.severity },
          { en: 'Status', da: 'Status', value: (row) => row.status },
          { en: 'Raised', da: 'Rejst', value: (row) => row.createdAt },
          { en: 'Resolved', da: 'Løst', value: (row) => row.resolvedAt },
          { en: 'Resolution note', da: 'Løsningsnote', value: (row) => row.resolutionNote },
        ],
      );
    case 'audit':
      return define(
        (id) => db.auditEntry.findMany({ ...page, where: after(id) }),
        [
          { en: 'Time', da: 'Tidspunkt', value: (row) => row.at },
          { en: 'Actor kind', da: 'Aktørtype', value: (row) => row.actorKind },
          { en: 'Actor', da: 'Aktør', value: (row) => row.actorName },
          { en: 'Operation', da: 'Handling', value: (row) => row.operation },
          { en: 'Records', da: 'Poster', value: (row) => (row.targets as string[]).join(' ') },
          { en: 'Request id', da: 'Forespørgsels-id', value: (row) => row.requestId },
        ],
      );
  }
}

interface Export {
  read: (after: string) => Promise<{ id: string }[]>;
  header: (language: 'en' | 'da') => string[];
  cells: (row: { id: string }) => Cell[];
}

function define<Row extends { id: string }>(read: (after: string) => Promise<Row[]>, columns: Column<Row>[]): Export {
  return {
    read,
    header: (language) => columns.map((column) => column[language]),
    cells: (row) => columns.map((column) => cell(column.value(row as Row))),
  };
}

const cell = (value: Cell): Cell => (value instanceof Date ? value.toISOString() : value);

/** The export's rows, header first, one page in memory at a time. */
export async function* exportRows(caller: AuthenticatedCaller, kind: ExportKind, language: 'en' | 'da') {
  const { read, header, cells } = exportOf(caller, kind);
  yield header(language);
  for (let after = ''; ;) {
    const rows = await read(after);
    for (const row of rows) yield cells(row);
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}
