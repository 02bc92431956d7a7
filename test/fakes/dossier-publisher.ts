import type { DossierEventPublisher } from '../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../shared/modules/dossiers/domain/events';

/** Records what would go to the dossier FIFO queue; `failing` makes every send throw (SQS down). */
export class RecordingDossierPublisher implements DossierEventPublisher {
  readonly sent: DossierEvent[] = [];
  failing = false;

  async publish(events: readonly DossierEvent[]): Promise<void> {
    if (this.failing) throw new Error('SQS unavailable');
    this.sent.push(...events);
  }

  sentIds(): string[] {
    return this.sent.map((e) => e.id);
  }
}
