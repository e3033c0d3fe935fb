import { OutboxEvent } from '@polyplus/events';
import { ReplacementOrder } from './replacement-order/replacement-order.entity';
import { Part } from './catalog/part.entity';
import { PriceBook } from './catalog/price-book.entity';
import { PriceBookEntry } from './catalog/price-book-entry.entity';
import { Depot } from './depot/depot.entity';
import { DepotCoverage } from './depot/depot-coverage.entity';
import { DepotStock } from './depot/depot-stock.entity';
import { ShippingTerms } from './depot/shipping-terms.entity';
import { Shipment } from './shipment/shipment.entity';
import { ShipmentEvent } from './shipment/shipment-event.entity';
import { DefectiveReturn } from './returns/defective-return.entity';
import { Invoice } from './returns/invoice.entity';
import { CreateReplacementOrders1795533958352 } from './migrations/1795533958352-create-replacement-orders';
import { AdvanceReplacement1795536539416 } from './migrations/1795536539416-advance-replacement';
import { LogisticsOutbox1795538615786 } from './migrations/1795538615786-logistics-outbox';
import { ReplacementOrderCustomer1795539341573 } from './migrations/1795539341573-replacement-order-customer';
import { ShippingTermsNotes1796167960036 } from './migrations/1796167960036-shipping-terms-notes';
import { DestinationSubdivision1796180132656 } from './migrations/1796180132656-destination-subdivision';
import { OutboxTraceContext1796180073932 } from './migrations/1796180073932-outbox-trace-context';

export const LOGISTICS_ENTITIES = [
  ReplacementOrder,
  Part,
  PriceBook,
  PriceBookEntry,
  Depot,
  DepotCoverage,
  DepotStock,
  ShippingTerms,
  Shipment,
  ShipmentEvent,
  DefectiveReturn,
  Invoice,
  OutboxEvent,
];

export const LOGISTICS_MIGRATIONS = [
  CreateReplacementOrders1795533958352,
  AdvanceReplacement1795536539416,
  LogisticsOutbox1795538615786,
  ReplacementOrderCustomer1795539341573,
  ShippingTermsNotes1796167960036,
  OutboxTraceContext1796180073932,
  DestinationSubdivision1796180132656,
];
