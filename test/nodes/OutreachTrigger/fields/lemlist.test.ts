import { LEMLIST_FIELDS } from '../../../../nodes/OutreachTrigger/fields/lemlist';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('lemlist', 'lemlist', LEMLIST_FIELDS);
