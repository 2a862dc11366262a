package forms

// noticeCallPaths are the test calls modelled on real notices (and the
// third, made-up one): see TestNoticeCalls.
var noticeCallPaths = []string{}
