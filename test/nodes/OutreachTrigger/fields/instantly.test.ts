import { INSTANTLY_FIELDS } from '../../../../nodes/OutreachTrigger/fields/instantly';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('instantly', 'Instantly', INSTANTLY_FIELDS);
