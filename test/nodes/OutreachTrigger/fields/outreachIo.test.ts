import { OUTREACHIO_FIELDS } from '../../../../nodes/OutreachTrigger/fields/outreachIo';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('outreachIo', 'Outreach.io', OUTREACHIO_FIELDS);
