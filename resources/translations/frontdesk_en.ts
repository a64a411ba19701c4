<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="22"/>
        <source>结案 - {0}</source>
        <translation>Close case - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="27"/>
        <source>请选择</source>
        <translation>Please select</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="30"/>
        <source>客户已确认处理结果</source>
        <translation>Customer has confirmed the outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="32"/>
        <source>处理结果、原因分析与改进措施（必填）</source>
        <translation>Outcome, root cause and improvements (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="34"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="35"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="36"/>
        <source>客户满意度</source>
        <translation>Customer satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="37"/>
        <source>客户确认</source>
        <translation>Customer confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="38"/>
        <source>归档总结</source>
        <translation>Archive and review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="40"/>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="74"/>
        <source>投诉详情 - {0}</source>
        <translation>Complaint details - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="85"/>
        <source>案件信息</source>
        <translation>Case information</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="87"/>
        <source>（暂停计时中）</source>
        <translation> (clock paused)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="89"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="89"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="90"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="90"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="91"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="92"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="93"/>
        <source>处理等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="94"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="95"/>
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="95"/>
        <source>归责员工</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="96"/>
        <source>受理人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="96"/>
        <source>关联接待</source>
        <translation>Linked contact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="97"/>
        <source>客户满意度</source>
        <translation>Customer satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="98"/>
        <source>客户确认</source>
        <translation>Customer confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="98"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="111"/>
        <source>投诉事由：</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="115"/>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="115"/>
        <source>起算</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="115"/>
        <source>截止时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="115"/>
        <source>完成时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="116"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="125"/>
        <source>阶段：</source>
        <translation>Stage: </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="134"/>
        <source>各项时限（按工作日计算，暂停期间不计）</source>
        <translation>Time limits (in working days; paused time excluded)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="137"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="137"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="137"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="137"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="143"/>
        <source>转入「{0}」</source>
        <translation>Moved to “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="146"/>
        <source>（承诺 {0} 前完成）</source>
        <translation> (promised by {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="149"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="39"/>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="43"/>
        <source>如：王女士</source>
        <translation>e.g. Ms. Wang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="46"/>
        <source>手机或座机，可不填</source>
        <translation>Mobile or landline, optional</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="49"/>
        <source>一句话概括投诉事由</source>
        <translation>The complaint in one sentence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="61"/>
        <source>（暂不指定）</source>
        <translation>(not assigned yet)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="63"/>
        <source>（不归责到个人）</source>
        <translation>(no individual responsible)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="69"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="70"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="71"/>
        <source>投诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="72"/>
        <source>投诉内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="73"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="74"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="75"/>
        <source>处理等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="76"/>
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="77"/>
        <source>归责员工</source>
        <translation>Responsible staff</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="57"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="58"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="59"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="60"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="61"/>
        <source>投诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="62"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="63"/>
        <source>等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="64"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="65"/>
        <source>计时</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="65"/>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="96"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="66"/>
        <source>最近时限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="67"/>
        <source>本阶段剩余</source>
        <translation>Stage time left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="68"/>
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="69"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="71"/>
        <source>搜索编号、投诉人、电话或事由</source>
        <translation>Search by No., complainant, phone or subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="74"/>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="76"/>
        <source>全部程度</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="78"/>
        <source>全部等级</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="79"/>
        <source>未结案</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="80"/>
        <source>仅超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="95"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="95"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="96"/>
        <source>推进</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="97"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="97"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="98"/>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="104"/>
        <source>推进到「归档总结」后，记录客户满意度并结案</source>
        <translation>After advancing to “Archive and review”, record customer satisfaction and close the case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="107"/>
        <source>打印转办单</source>
        <translation>Print transfer slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="110"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="111"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="152"/>
        <source>请先在列表中选择一件投诉</source>
        <translation>Please select a complaint in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="176"/>
        <source>已受理投诉 {0}</source>
        <translation>Complaint {0} received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="184"/>
        <source>已推进到下一阶段</source>
        <translation>Advanced to the next stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="187"/>
        <source>已暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="187"/>
        <source>已恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="187"/>
        <source>已添加备注</source>
        <translation>Note added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="191"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="214"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="222"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="42"/>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="169"/>
        <source>接待登记（新）</source>
        <translation>Contact log (new)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="49"/>
        <source>如 王女士，可不填</source>
        <translation>e.g. Ms. Wang, optional</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="53"/>
        <source>手机或座机；现场匿名可不填</source>
        <translation>Mobile or landline; optional for anonymous walk-ins</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="56"/>
        <source>客户的核心诉求（必填）</source>
        <translation>The customer&apos;s main request (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="60"/>
        <source>处理情况及结果；Ctrl+Enter 保存并办结</source>
        <translation>Handling and outcome; Ctrl+Enter saves and closes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="70"/>
        <source>需后续跟进的事项</source>
        <translation>Items needing follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="71"/>
        <source>（跟进人）</source>
        <translation>(follow-up owner)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="96"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="97"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="98"/>
        <source>客户称呼</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="99"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="101"/>
        <source>核心诉求</source>
        <translation>Main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="103"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="105"/>
        <source>回复方式</source>
        <translation>Reply method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="106"/>
        <source>承诺回复</source>
        <translation>Promised reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="107"/>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="114"/>
        <source>跟进人/期限</source>
        <translation>Follow-up owner/due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="119"/>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="122"/>
        <source>保存并办结 (Ctrl+Enter)</source>
        <translation>Save and close (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="125"/>
        <source>新登记 (Ctrl+N)</source>
        <translation>New entry (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="127"/>
        <source>清空 (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="185"/>
        <source>编辑 {0}（首问负责人：{1}）</source>
        <translation>Edit {0} (first-contact owner: {1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="254"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="22"/>
        <source>编辑部门</source>
        <translation>Edit department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="22"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="28"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="31"/>
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="32"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="33"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="22"/>
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="23"/>
        <source>在职人数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="24"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="25"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="25"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="26"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="40"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="42"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="45"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="66"/>
        <source>请先选择一个部门</source>
        <translation>Please select a department first</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="17"/>
        <source>FrontDesk 首次使用设置</source>
        <translation>FrontDesk first-run setup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="21"/>
        <source>欢迎使用 FrontDesk 客服前台管理系统。
请填写本服务台的站点信息，并设置管理员账户。站点代码会出现在所有单据编号的开头，设定后不能修改。</source>
        <translation>Welcome to FrontDesk, the service-desk management system.
Please enter this desk&apos;s site details and set up the administrator account. The site code prefixes every document number and cannot be changed later.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="28"/>
        <source>例如 S01</source>
        <translation>e.g. S01</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="32"/>
        <source>例如 金华服务区客服中心</source>
        <translation>e.g. Jinhua Service Area Customer Center</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="35"/>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="70"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="45"/>
        <source>站点代码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="46"/>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="47"/>
        <source>管理员账户</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="48"/>
        <source>管理员姓名</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="49"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="50"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="62"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/screenshots.py" line="76"/>
        <source>站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01</source>
        <translation>The site code is 2–8 uppercase letters or digits, starting with a letter, e.g. S01</translation>
    </message>
</context>
<context>
    <name>ForbiddenDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="81"/>
        <source>编辑服务忌语</source>
        <translation>Edit forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="81"/>
        <source>新增服务忌语</source>
        <translation>New forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="90"/>
        <source>检查登记文字（回复、处理情况中出现时提醒）</source>
        <translation>Check entered text (warn when it appears in replies or handling notes)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="95"/>
        <source>忌语</source>
        <translation>Forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="96"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="97"/>
        <source>文字检查</source>
        <translation>Text check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="98"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ForbiddenWatcher</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="149"/>
        <source>含服务忌语：{0}（请改用规范用语）</source>
        <translation>Contains forbidden phrase: {0} (please use standard phrases instead)</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="23"/>
        <source>修改节假日设置</source>
        <translation>Edit holiday setting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="23"/>
        <source>新增节假日设置</source>
        <translation>New holiday setting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="28"/>
        <source>放假（不计工作日）</source>
        <translation>Day off (not a working day)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="28"/>
        <source>上班（调休工作日）</source>
        <translation>Working day (make-up workday)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="34"/>
        <source>如：国庆节、春节调休、本站店庆</source>
        <translation>e.g. National Day, Spring Festival make-up day, site anniversary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="36"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="37"/>
        <source>当天</source>
        <translation>Day type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="38"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="32"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="33"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="34"/>
        <source>当天</source>
        <translation>Day type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="35"/>
        <source>上班（调休）</source>
        <translation>Working (make-up)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="35"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="36"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="38"/>
        <source>按年份查看</source>
        <translation>View by year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="43"/>
        <source>年份 </source>
        <translation>Year </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="50"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="53"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="55"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="70"/>
        <source>周</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="81"/>
        <source>{0} 年的法定节假日和调休已内置；这里只需录入本站特有的调整。</source>
        <translation>Public holidays and make-up workdays for {0} are built in; only enter this site&apos;s own adjustments here.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="85"/>
        <source>{0} 年的法定节假日数据未内置，目前按周一至周五计算工作日（已录入 {1} 条调整）。请按国务院公布的放假安排录入放假日期和调休上班日期。</source>
        <translation>Public holiday data for {0} is not built in, so working days are currently Monday to Friday ({1} adjustments entered). Please enter the days off and make-up workdays from the State Council&apos;s holiday schedule.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="99"/>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="107"/>
        <source>已保存，投诉时限已按新的日历重新计算</source>
        <translation>Saved; complaint time limits were recalculated with the new calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="104"/>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="112"/>
        <source>请先选择一条设置</source>
        <translation>Please select a setting first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="114"/>
        <source>删除 {0} 的设置吗？</source>
        <translation>Delete the setting for {0}?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="121"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>KeyCustomerDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="24"/>
        <source>编辑重点客户</source>
        <translation>Edit key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="24"/>
        <source>新增重点客户</source>
        <translation>New key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="29"/>
        <source>单位或个人，如 金华物流有限公司</source>
        <translation>Company or individual, e.g. Jinhua Logistics Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="39"/>
        <source>如 车队规模、常走路段、联系人</source>
        <translation>e.g. fleet size, usual routes, contact person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="41"/>
        <source>客户名称</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="42"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="43"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="44"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="54"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="96"/>
        <source>首页</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="97"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="98"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="99"/>
        <source>末页</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="143"/>
        <source>共 {0} 条，第 {1}/{2} 页</source>
        <translation>{0} records, page {1}/{2}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="19"/>
        <source>登录 - FrontDesk</source>
        <translation>Sign in - FrontDesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="24"/>
        <source>客服前台管理系统</source>
        <translation>Service Desk Management System</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="28"/>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="33"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="34"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="36"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="48"/>
        <source>请输入工号</source>
        <translation>Please enter your Staff No.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="47"/>
        <source>FrontDesk 客服前台 - {0}</source>
        <translation>FrontDesk Service Desk - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="60"/>
        <source>当前账户没有可用的功能页面，请联系管理员分配角色。</source>
        <translation>This account has no pages available. Please ask an administrator to assign a role.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="112"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="113"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="115"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="117"/>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="120"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="129"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="130"/>
        <location filename="../../frontdesk/ui/main_window.py" line="171"/>
        <source>关于 FrontDesk</source>
        <translation>About FrontDesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="136"/>
        <source>站点：{0} {1}</source>
        <translation>Site: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="137"/>
        <source>用户：{0} {1}</source>
        <translation>User: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="138"/>
        <source>角色：{0}</source>
        <translation>Role: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="153"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="159"/>
        <source>界面语言将在重新启动后生效。现在重新启动吗？</source>
        <translation>The interface language takes effect after a restart. Restart now?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="172"/>
        <source>FrontDesk 客服前台管理系统 {0}
离线运行，数据保存在：
{1}</source>
        <translation>FrontDesk Service Desk Management System {0}
Runs offline; data is stored in:
{1}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="121"/>
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="121"/>
        <source>暂停原因</source>
        <translation>Reason for pause</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="122"/>
        <source>如：等待客户提供购物凭证；等待工程部检测结果（必填）</source>
        <translation>e.g. waiting for the customer&apos;s receipt; waiting for engineering test results (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="123"/>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="123"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="124"/>
        <source>如：客户已提供凭证（可不填）</source>
        <translation>e.g. the customer has provided the receipt (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="125"/>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="125"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="126"/>
        <source>补充记录（必填）</source>
        <translation>Additional notes (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="138"/>
        <source>暂停期间不计入各项处理时限。</source>
        <translation>Time while paused does not count toward any time limit.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/inputs.py" line="23"/>
        <source>未填写</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>OverdueLabel</name>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="250"/>
        <source>&lt;a href=&quot;overdue&quot; style=&quot;color:{0}; text-decoration:none;&quot;&gt;超期投诉：{1} 件&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;overdue&quot; style=&quot;color:{0}; text-decoration:none;&quot;&gt;Overdue complaints: {1}&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="29"/>
        <source>重置密码：{0}</source>
        <translation>Reset password: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="29"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="36"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="37"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="38"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="48"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="42"/>
        <source>编辑规范用语</source>
        <translation>Edit standard phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="42"/>
        <source>新增规范用语</source>
        <translation>New standard phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="53"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="56"/>
        <source>使用场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="57"/>
        <source>用语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="36"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="48"/>
        <source>单击复制到剪贴板</source>
        <translation>Click to copy to the clipboard</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="51"/>
        <source>单击用语即复制</source>
        <translation>Click a phrase to copy it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="103"/>
        <source>已复制：{0}</source>
        <translation>Copied: {0}</translation>
    </message>
</context>
<context>
    <name>PhrasesPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="60"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="60"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="62"/>
        <source>使用场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="64"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="65"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="122"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="71"/>
        <source>全部场景</source>
        <translation>All situations</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="76"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="78"/>
        <source>新增用语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="81"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="104"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="83"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="106"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="91"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="123"/>
        <source>服务忌语</source>
        <translation>Forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="92"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="94"/>
        <source>文字检查</source>
        <translation>Text check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="95"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="95"/>
        <source>不检查</source>
        <translation>No check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="96"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="101"/>
        <source>新增忌语</source>
        <translation>New forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="110"/>
        <source>试一试：输入一段回复或处理情况，看是否含服务忌语</source>
        <translation>Try it: type a reply or handling note to see whether it contains forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="114"/>
        <source>“五个不说”：损害自尊、埋怨、顶撞教训、庸俗骂人、激化矛盾的话不说</source>
        <translation>“Five don&apos;ts”: nothing hurtful, blaming, lecturing, vulgar or inflammatory</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="138"/>
        <source>请先在列表中选择一条</source>
        <translation>Please select an item in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="143"/>
        <source>已新增规范用语</source>
        <translation>Standard phrase added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="153"/>
        <source>删除规范用语“{0}”？</source>
        <translation>Delete standard phrase “{0}”?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="159"/>
        <source>已新增服务忌语</source>
        <translation>Forbidden phrase added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="169"/>
        <source>删除服务忌语“{0}”？</source>
        <translation>Delete forbidden phrase “{0}”?</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="48"/>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="164"/>
        <source>来电/来访历史</source>
        <translation>Call/visit history</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="74"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="75"/>
        <source>接待时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="76"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="77"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="78"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="79"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="80"/>
        <source>核心诉求</source>
        <translation>Main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="81"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="82"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="83"/>
        <source>首问负责人</source>
        <translation>First-contact owner</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="86"/>
        <source>搜索编号、电话、客户、诉求或处理内容</source>
        <translation>Search by No., phone, customer, request or handling</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="94"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="96"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="99"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="102"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="105"/>
        <source>只看我的</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="110"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="112"/>
        <source>转办…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="115"/>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="166"/>
        <source>该号码的历史记录（{0} 条）</source>
        <translation>History for this number ({0} records)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="183"/>
        <source>请先在列表中选择一条接待记录</source>
        <translation>Please select a contact record in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="194"/>
        <source>已转办 {0}，首问负责人不变</source>
        <translation>Transferred {0}; the first-contact owner stays the same</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="201"/>
        <source>办结 {0}</source>
        <translation>Close {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="202"/>
        <source>处理情况及结果：</source>
        <translation>Handling and outcome:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="210"/>
        <source>已办结 {0}</source>
        <translation>Closed {0}</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="84"/>
        <source>登记部门答复 - {0}</source>
        <translation>Record department reply - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="91"/>
        <source>部门答复</source>
        <translation>Department reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="92"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_dialog.py" line="18"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_dialog.py" line="26"/>
        <source> 条/页</source>
        <translation> per page</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_dialog.py" line="28"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_dialog.py" line="29"/>
        <source>列表每页</source>
        <translation>List page size</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_dialog.py" line="30"/>
        <source>更改界面语言后需重新启动程序。</source>
        <translation>Changing the interface language requires a restart.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="27"/>
        <source>编辑员工</source>
        <translation>Edit staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="27"/>
        <source>新增员工</source>
        <translation>New staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="34"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="39"/>
        <source>例如 前台客服、值班主管</source>
        <translation>e.g. front-desk agent, duty supervisor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="46"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="51"/>
        <source>留空则不设置/不修改</source>
        <translation>Leave blank to not set/change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="54"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="55"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="56"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="57"/>
        <source>岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="58"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="59"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="60"/>
        <source>入职日期</source>
        <translation>Hire date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="61"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="64"/>
        <source>登录密码</source>
        <translation>Login password</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="35"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="36"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="37"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="38"/>
        <source>岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="39"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="40"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="41"/>
        <source>入职日期</source>
        <translation>Hire date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="42"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="54"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="42"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="54"/>
        <source>离职</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="43"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="46"/>
        <source>搜索工号、姓名或电话</source>
        <translation>Search by Staff No., name or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="54"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="64"/>
        <source>新增员工</source>
        <translation>New staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="67"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="72"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="85"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="93"/>
        <source>已新增员工</source>
        <translation>Staff added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="99"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="109"/>
        <source>请先在列表中选择一名员工</source>
        <translation>Please select a staff member in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="103"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="113"/>
        <source>密码已重置，账户锁定已解除</source>
        <translation>Password reset; account unlocked</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="61"/>
        <source>推进阶段 - {0}</source>
        <translation>Advance stage - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="70"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="72"/>
        <source>承诺在</source>
        <translation>Promise by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="82"/>
        <source>前完成</source>
        <translation>to complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="83"/>
        <source>本阶段做了什么、结果如何（必填）</source>
        <translation>What was done in this stage and the result (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="85"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="86"/>
        <source>转入阶段</source>
        <translation>Next stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="87"/>
        <source>处理方式</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="88"/>
        <source>承诺时间</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="89"/>
        <source>处理说明</source>
        <translation>Handling notes</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="39"/>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="41"/>
        <source>站点代码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="44"/>
        <source>保存名称</source>
        <translation>Save name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="49"/>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="50"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="52"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="57"/>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="62"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="65"/>
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="66"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="67"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="68"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="84"/>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="86"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="89"/>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="93"/>
        <source>保留最近</source>
        <translation>Keep the latest</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="114"/>
        <source>启动时自动</source>
        <translation>Automatic at startup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="115"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="116"/>
        <source>恢复前自动</source>
        <translation>Automatic before restore</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="122"/>
        <source>升级前自动</source>
        <translation>Automatic before upgrade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="135"/>
        <source>正常（结构版本 {0}）</source>
        <translation>OK (schema version {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="139"/>
        <source>发现问题（结构版本 {0}/{1}）：{2}</source>
        <translation>Problems found (schema version {0}/{1}): {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="152"/>
        <source>站点名称已保存</source>
        <translation>Site name saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="168"/>
        <source>备份完成：
{0}</source>
        <translation>Backup complete:
{0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="173"/>
        <source>请先在列表中选择要恢复的备份</source>
        <translation>Please select the backup to restore in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="177"/>
        <source>将用 {0} 的备份替换当前数据库，程序会重新启动。
当前数据库会先自动备份。确定恢复吗？</source>
        <translation>The current database will be replaced with the backup from {0} and the application will restart.
The current database is backed up automatically first. Restore now?</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="37"/>
        <source>转办 {0}</source>
        <translation>Transfer {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="43"/>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="52"/>
        <source>需要承办部门做什么、何时答复客户</source>
        <translation>What the handling department should do and when to reply to the customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="54"/>
        <source>承办部门</source>
        <translation>Handling dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="55"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="56"/>
        <source>转办说明</source>
        <translation>Transfer instructions</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="30"/>
        <source>接待编号</source>
        <translation>Contact No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="31"/>
        <source>转办时间</source>
        <translation>Transferred at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="32"/>
        <source>承办部门</source>
        <translation>Handling dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="33"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="34"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="35"/>
        <source>催办次数</source>
        <translation>Chases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="36"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="37"/>
        <source>核心诉求</source>
        <translation>Main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="38"/>
        <source>部门答复</source>
        <translation>Department reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="39"/>
        <source>首问负责人</source>
        <translation>First-contact owner</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="41"/>
        <source>搜索（按编号）</source>
        <translation>Search (by No.)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="44"/>
        <source>只看超期未答复</source>
        <translation>Overdue without reply only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="47"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="52"/>
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="55"/>
        <source>催办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="73"/>
        <source>请先选择一条转办记录</source>
        <translation>Please select a transfer record first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="90"/>
        <source>已催办（第 {0} 次）</source>
        <translation>Chased (time {0})</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="72"/>
        <source>修改回访记录</source>
        <translation>Edit return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="72"/>
        <source>记录回访</source>
        <translation>Record return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="80"/>
        <source>如 王女士、金华物流有限公司</source>
        <translation>e.g. Ms. Wang, Jinhua Logistics Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="83"/>
        <source>手机或座机，如 0579-85551234</source>
        <translation>Mobile or landline, e.g. 0579-85551234</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="95"/>
        <source>客户对服务的意见、要求</source>
        <translation>The customer&apos;s comments and requests about the service</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="97"/>
        <source>客户的建议</source>
        <translation>The customer&apos;s suggestions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="99"/>
        <source>回访结果，如：问题已解决，客户表示满意</source>
        <translation>Result, e.g. issue resolved, customer satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="102"/>
        <source>（未评价）</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="117"/>
        <source>回访事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="118"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="119"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="120"/>
        <source>回访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="121"/>
        <source>回访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="122"/>
        <source>客户意见</source>
        <translation>Customer comments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="123"/>
        <source>客户建议</source>
        <translation>Customer suggestions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="124"/>
        <source>回访结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="127"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="128"/>
        <source>下次回访</source>
        <translation>Next visit</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="41"/>
        <source>回访事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="42"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="64"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="43"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="65"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="102"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="44"/>
        <source>应回访日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="45"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="47"/>
        <source>搜索客户或电话</source>
        <translation>Search by customer or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="51"/>
        <source>全部事由</source>
        <translation>All reasons</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="55"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="129"/>
        <source>记录回访</source>
        <translation>Record return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="63"/>
        <source>回访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="66"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="67"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="68"/>
        <source>下次回访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="69"/>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="70"/>
        <source>回访结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="72"/>
        <source>搜索客户、电话或回访结果</source>
        <translation>Search by customer, phone or result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="75"/>
        <source>全部方式</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="81"/>
        <source>全部满意度</source>
        <translation>All ratings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="86"/>
        <source>只看我的</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="90"/>
        <source>新增回访</source>
        <translation>New return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="93"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="101"/>
        <source>客户名称</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="103"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="104"/>
        <source>今年回访次数</source>
        <translation>Visits this year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="105"/>
        <source>最近回访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="106"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="107"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="117"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="107"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="108"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="110"/>
        <source>搜索客户名称或电话</source>
        <translation>Search by customer name or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="113"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="117"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="220"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="124"/>
        <source>新增客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="127"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="135"/>
        <source>停用/启用</source>
        <translation>Deactivate/Activate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="142"/>
        <source>待回访</source>
        <translation>Due visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="143"/>
        <source>回访记录</source>
        <translation>Visit records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="144"/>
        <source>重点客户</source>
        <translation>Key customers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="154"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="168"/>
        <source>待回访（{0}）</source>
        <translation>Due visits ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="174"/>
        <source>回访已保存</source>
        <translation>Return visit saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="182"/>
        <source>请先在待回访列表中选择一项</source>
        <translation>Please select an item in the due list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="189"/>
        <source>请先选择一条回访记录</source>
        <translation>Please select a return visit record first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="195"/>
        <source>已新增客户</source>
        <translation>Customer added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="201"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="209"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="217"/>
        <source>请先选择一位客户</source>
        <translation>Please select a customer first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="212"/>
        <source>{0}回访</source>
        <translation>{0} return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="220"/>
        <source>已启用</source>
        <translation>Activated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="38"/>
        <source>{0}，今年已回访 {1} 次（每年至少 2 次）</source>
        <translation>{0}: visited {1} time(s) this year (at least 2 a year)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="42"/>
        <source>上次回访结果：{0}</source>
        <translation>Last visit result: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="43"/>
        <source>投诉 {0}</source>
        <translation>Complaint {0}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="51"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="61"/>
        <source>程序出错</source>
        <translation>Application error</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="63"/>
        <source>程序遇到了一个意外错误，刚才的操作可能没有完成。
已保存的数据不受影响，可以继续使用。</source>
        <translation>The application hit an unexpected error and the last action may not have completed.
Saved data is not affected; you can keep working.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="68"/>
        <source>错误详情已记录到日志文件：
{0}
请把该文件发给技术支持。</source>
        <translation>The error details were written to the log file:
{0}
Please send this file to technical support.</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="44"/>
        <source>服务态度</source>
        <translation>Service attitude</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="45"/>
        <source>商品质量</source>
        <translation>Product quality</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="46"/>
        <source>收费价格</source>
        <translation>Charges and prices</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="47"/>
        <source>环境卫生</source>
        <translation>Cleanliness</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="48"/>
        <source>设施设备</source>
        <translation>Facilities and equipment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="49"/>
        <source>通行秩序</source>
        <translation>Traffic order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="50"/>
        <location filename="../../frontdesk/domain/reception.py" line="69"/>
        <location filename="../../frontdesk/domain/stages.py" line="93"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="51"/>
        <location filename="../../frontdesk/domain/visits.py" line="50"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="52"/>
        <location filename="../../frontdesk/domain/visits.py" line="51"/>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="53"/>
        <location filename="../../frontdesk/domain/visits.py" line="52"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="54"/>
        <location filename="../../frontdesk/domain/sla.py" line="27"/>
        <source>转阶段</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="55"/>
        <location filename="../../frontdesk/domain/sla.py" line="28"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="56"/>
        <location filename="../../frontdesk/domain/sla.py" line="29"/>
        <source>恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="57"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="33"/>
        <source>常用服务用语</source>
        <translation>Common service phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="34"/>
        <source>问候（受理接听）</source>
        <translation>Greeting (answering)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="35"/>
        <source>受话无音</source>
        <translation>No voice on the line</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="36"/>
        <source>请稍候（静音后重新对话）</source>
        <translation>Please hold (resuming after mute)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="37"/>
        <source>熟人来电与工作无关</source>
        <translation>Personal call from an acquaintance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="38"/>
        <source>听不清楚问题</source>
        <translation>Cannot hear the caller clearly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="39"/>
        <source>请对方留联系方式</source>
        <translation>Asking for contact details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="40"/>
        <source>解答完毕后确认</source>
        <translation>Confirming after answering</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="41"/>
        <source>受理投诉或举报结束</source>
        <translation>Ending a complaint or report</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="42"/>
        <source>疑难问题回复</source>
        <translation>Replying on difficult issues</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="43"/>
        <source>对方打错电话</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="44"/>
        <source>对方态度不友好</source>
        <translation>Unfriendly caller</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="45"/>
        <source>对方表示感谢</source>
        <translation>Caller says thanks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="85"/>
        <source>直呼、责问、训斥、反问</source>
        <translation>Rude addressing, accusing, scolding, retorting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="86"/>
        <source>态度傲慢、厌烦</source>
        <translation>Arrogant or impatient</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="87"/>
        <source>推诿客户</source>
        <translation>Passing the buck</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="60"/>
        <location filename="../../frontdesk/domain/visits.py" line="41"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="42"/>
        <source>上门</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="43"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="44"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="45"/>
        <source>重点客户</source>
        <translation>Key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="46"/>
        <source>常客</source>
        <translation>Regular customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="47"/>
        <source>投诉结案回访</source>
        <translation>Complaint closure follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="48"/>
        <source>年度回访不足两次</source>
        <translation>Fewer than two visits this year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="49"/>
        <source>约定再次回访</source>
        <translation>Scheduled follow-up visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="59"/>
        <source>现场</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="61"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="62"/>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="63"/>
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="64"/>
        <source>查询</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="65"/>
        <source>求助</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="66"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="67"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="68"/>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="70"/>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="71"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="72"/>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="73"/>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="74"/>
        <source>立即回复</source>
        <translation>Immediate reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="75"/>
        <source>事后回复</source>
        <translation>Reply later</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="76"/>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="77"/>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="78"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="27"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="28"/>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="29"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="44"/>
        <source>阶段时限</source>
        <translation>Stage limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="45"/>
        <source>答复时限</source>
        <translation>Reply limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="46"/>
        <source>响应时限</source>
        <translation>Response limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="47"/>
        <source>解决时限</source>
        <translation>Resolution limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="35"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="36"/>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="37"/>
        <source>方案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="38"/>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="39"/>
        <source>执行</source>
        <translation>Execute</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="40"/>
        <source>归档总结</source>
        <translation>Archive and review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="41"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="57"/>
        <location filename="../../frontdesk/domain/stages.py" line="75"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="58"/>
        <location filename="../../frontdesk/domain/stages.py" line="77"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="76"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="91"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="92"/>
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="31"/>
        <location filename="../../frontdesk/ui/messages.py" line="35"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="40"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="31"/>
        <source>接待登记</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="32"/>
        <source>转办督办</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="33"/>
        <source>投诉处理</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="34"/>
        <source>回访管理</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="35"/>
        <source>员工档案</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="36"/>
        <source>部门管理</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="38"/>
        <source>节假日设置</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="39"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="40"/>
        <source>系统维护</source>
        <translation>System</translation>
    </message>
</context>
</TS>
