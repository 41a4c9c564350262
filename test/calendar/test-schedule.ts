/**
 * A made-up 2027 schedule for tests only — no official 2027 schedule is
 * published yet, so none is committed under holidays/. New Year's Day
 * falls on a Friday: the break runs Friday to Sunday, and a Saturday is
 * worked in lieu (调休上班).
 */
export const TEST_2027 = { source: '测试用，非真实安排', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] };
