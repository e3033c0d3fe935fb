// The board's GraphQL operations against the gateway's supergraph, with the shapes they return.

export type Severity = 1 | 2 | 3;

export type VisitSummary = {
  id: string;
  status: 'UNPLANNED' | 'PLANNED' | 'COMPLETED' | 'CANCELLED';
  pinned: boolean;
  severity: Severity;
  releaseAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  durationMinutes: number;
  requiredSkills: string[];
  unassignedReason: string | null;
  site: { name: string; city: string | null };
  incident: { id: string; device: { serialNumber: string } };
};

export type Absence = { id: string; startsAt: string; endsAt: string; kind: 'SICK' | 'HOLIDAY' | 'TRAINING' | 'OTHER' };

export type WorkingDay = { weekday: number; from: string; to: string };

export type BoardTechnician = {
  id: string;
  name: string;
  skills: string[];
  timeZone: string;
  /** The days the technician works (ISO weekday, 1 = Monday) and their local hours; a missing day is off. */
  workingHours: WorkingDay[];
  absences: Absence[];
};

export type BoardStop = { arrival: string; start: string; end: string; travelMinutes: number; slackMinutes: number; visit: VisitSummary };

export type RegionBoardData = {
  regionBoard: {
    region: string;
    timeZone: string;
    planVersion: number;
    schedules: { technician: BoardTechnician; stops: BoardStop[] }[];
    unassigned: VisitSummary[];
  };
};

export type RegionBoardVariables = { region: string; date: string; from: string; to: string };

const VISIT_SUMMARY = `
  fragment VisitSummary on OnsiteVisit {
    id status pinned severity releaseAt windowStart windowEnd durationMinutes requiredSkills unassignedReason
    site { name city }
    incident { id device { serialNumber } }
  }`;

export const REGION_BOARD_QUERY = `
  query RegionBoard($region: String!, $date: String!, $from: DateTimeISO!, $to: DateTimeISO!) {
    regionBoard(region: $region, date: $date) {
      region timeZone planVersion
      schedules {
        technician { id name skills timeZone workingHours { weekday from to } absences(from: $from, to: $to) { id startsAt endsAt kind } }
        stops { arrival start end travelMinutes slackMinutes visit { ...VisitSummary } }
      }
      unassigned { ...VisitSummary }
    }
  }
  ${VISIT_SUMMARY}`;

export type ReplacementOrderDetails = {
  id: string;
  partNumber: string;
  status: string;
  expectedDelivery: string | null;
  expectedDeliveryAt: string | null;
  backorderReason: string | null;
  part: { name: string } | null;
  shipment: { carrier: string; trackingNumber: string; status: string; deliveredAt: string | null } | null;
};

export type VisitDetailsData = {
  onsiteVisit:
    | (VisitSummary & {
        arrivalAt: string | null;
        travelMinutes: number | null;
        planVersion: number | null;
        technician: { id: string; name: string } | null;
        placement: { summary: string; constraints: string[] } | null;
        site: { name: string; city: string | null; addressLine: string | null; postalCode: string | null; countryCode: string };
        incident: {
          id: string;
          summary: string;
          severity: Severity;
          status: string;
          reportedAt: string;
          responseDueAt: string;
          device: { serialNumber: string; product: { model: string } };
          customer: { name: string };
          replacementOrders: ReplacementOrderDetails[];
        };
      })
    | null;
};

export const VISIT_DETAILS_QUERY = `
  query VisitDetails($id: ID!) {
    onsiteVisit(id: $id) {
      ...VisitSummary
      arrivalAt travelMinutes planVersion
      technician { id name }
      placement { summary constraints }
      site { name city addressLine postalCode countryCode }
      incident {
        id summary severity status reportedAt responseDueAt
        device { serialNumber product { model } }
        customer { name }
        replacementOrders {
          id partNumber status expectedDelivery expectedDeliveryAt backorderReason
          part { name }
          shipment { carrier trackingNumber status deliveredAt }
        }
      }
    }
  }
  ${VISIT_SUMMARY}`;

export const MOVE_VISIT_MUTATION = `
  mutation MoveVisit($id: ID!, $technicianId: ID!, $start: DateTimeISO!) {
    moveOnsiteVisit(id: $id, technicianId: $technicianId, start: $start) { id pinned windowStart windowEnd technician { id } }
  }`;

export const PIN_VISIT_MUTATION = `mutation PinVisit($id: ID!) { pinOnsiteVisit(id: $id) { id pinned } }`;
export const UNPIN_VISIT_MUTATION = `mutation UnpinVisit($id: ID!) { unpinOnsiteVisit(id: $id) { id pinned } }`;

export type VisitChangedData = {
  visitChanged: { change: string; visit: { id: string; windowStart: string | null; technician: { id: string } | null } };
};

export const VISIT_CHANGED_SUBSCRIPTION = `
  subscription VisitChanged($region: String!) {
    visitChanged(region: $region) { change visit { id windowStart technician { id } } }
  }`;
